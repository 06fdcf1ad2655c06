using System.Diagnostics;

namespace CampaignDashboard.Api.Tests.Support;

/// <summary>
/// The API as built (dotnet CampaignDashboard.Api.dll, its own folder as the content root) in a process of its own:
/// for what only a process shows, its exit code and its console. Environment "Development", no demo data, a
/// temporary DuckDB file unless the test says otherwise.
/// </summary>
public static class ApiProcess
{
    /// <summary>The API as built in its own folder (with its deps.json and appsettings), same configuration as the tests.</summary>
    public static string BuiltProgram
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryPaths.Root, "src", "Api", "bin", tests.Parent!.Name, tests.Name, "CampaignDashboard.Api.dll");
        }
    }

    /// <summary>
    /// Runs the API until it exits, at most <paramref name="timeout"/>: an API that is still running then (it started)
    /// is killed and the test fails. <paramref name="environment"/> is applied last; a null value removes the variable.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(
        string databasePath, string urls, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltProgram, "--urls", urls])
        {
            WorkingDirectory = Path.GetDirectoryName(BuiltProgram)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Campaign"] = $"Data Source={databasePath}",
                ["Dashboard__SeedDemoData"] = "false",
            },
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        return await WaitForExitAsync(process, timeout);
    }

    /// <summary>
    /// The exit code and console of a started API, at most <paramref name="timeout"/> later: an API that is still
    /// running then (it started) is killed and the test fails.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The API was still running after {timeout.TotalSeconds} s: it did not refuse to start.\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
