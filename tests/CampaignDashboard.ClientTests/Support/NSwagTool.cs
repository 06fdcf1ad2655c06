using System.Diagnostics;
using System.Text;

namespace CampaignDashboard.ClientTests.Support;

/// <summary>The nswag command-line tool restored with the NSwag.MSBuild package (its .NET 10 build).</summary>
public static class NSwagTool
{
    public static string DllPath => Path.Combine(Repository.Metadata("NSwagDir"), "dotnet-nswag.dll");

    /// <summary>Runs <c>nswag run <paramref name="configPath"/></c> and returns its output; throws when it fails.</summary>
    public static async Task<string> RunAsync(string configPath)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException($"The nswag tool is missing at {DllPath}; restore tests/CampaignDashboard.ClientTests (dotnet restore).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(configPath);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nswag did not finish within 2 minutes.");
        }

        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nswag run {configPath} exited with {process.ExitCode}:\n{output}");
        }

        return output.ToString();
    }
}
