using System.Diagnostics;

namespace CampaignDashboard.Api.Tests.Support;

/// <summary>
/// The API as built (dotnet CampaignDashboard.Api.dll, its own folder as the content root) in a process of its own:
/// for what only a process shows, its exit code and its console. Environment "Development", no demo data, a
/// temporary DuckDB file unless the test says otherwise.
/// </summary>
public static partial class ApiProcess
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
        using var process = Process.Start(StartInfo(databasePath, urls, environment))!;
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

    /// <summary>
    /// Starts the API on a free loopback port and returns once it listens (its log names the dashboard's address);
    /// disposing the handle stops it.
    /// </summary>
    public static async Task<RunningApi> StartAsync(string databasePath, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var process = Process.Start(StartInfo(databasePath, "http://127.0.0.1:0", environment))!;
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            seen.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } listening)
            {
                var drain = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new RunningApi(process, new Uri(listening.Groups["address"].Value), drain);
            }
        }

        await process.WaitForExitAsync(CancellationToken.None);
        Assert.Fail($"The API ended before it listened (exit code {process.ExitCode}).\n{seen}\n{await error}");
        throw new InvalidOperationException("unreachable");
    }

    private static ProcessStartInfo StartInfo(string databasePath, string urls, IReadOnlyDictionary<string, string?> environment)
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

        return start;
    }

    // StartupMessages.LogListening: "Dashboard page: http://127.0.0.1:5080/  API: http://127.0.0.1:5080/api/campaign/dashboard ...".
    [System.Text.RegularExpressions.GeneratedRegex(@"API: (?<address>http://[^/\s]+)/api/campaign/dashboard")]
    private static partial System.Text.RegularExpressions.Regex ListeningLine();
}

/// <summary>A running API process and its address; disposing it stops the process.</summary>
public sealed class RunningApi(Process process, Uri address, Task<string> output) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await output;
        process.Dispose();
    }
}
