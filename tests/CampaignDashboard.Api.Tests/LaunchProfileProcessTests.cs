using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// `dotnet run --project src/Api` as a user types it, launch profile included: an environment or an address the user
/// sets wins over the profile's defaults (Development, port 5080), and the start-up log says the environment and the
/// authentication mode in one line and names the page and the API (README, "Running it for real").
/// </summary>
public sealed partial class LaunchProfileProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("campaign-launch-tests-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task An_environment_the_user_sets_wins_over_the_profile()
    {
        // Production without authentication refuses to start: proof that the environment is Production.
        using var process = Start(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        var (exitCode, output, error) = await ApiProcess.WaitForExitAsync(process, Timeout);
        var console = output + error;

        Assert.That(exitCode, Is.EqualTo(1), console);
        Assert.That(console, Does.Contain("Authentication:Mode is not set, and the environment is Production"));
    }

    [Test]
    public async Task An_address_the_user_sets_in_ASPNETCORE_URLS_wins_over_the_profile()
    {
        // A port held here makes the start fail naming the address it tried: proof that it took the user's.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        using var process = Start(new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = address });
        var (exitCode, output, error) = await ApiProcess.WaitForExitAsync(process, Timeout);
        var console = output + error;

        Assert.That(exitCode, Is.EqualTo(2), console);
        Assert.That(console, Does.Contain($"Failed to bind to address {address}"));
    }

    [Test]
    public async Task Without_an_environment_the_profile_starts_Development_and_the_log_names_the_page_and_the_API()
    {
        using var process = Start(new Dictionary<string, string?>(), "--urls", "http://127.0.0.1:0");
        var lines = new List<string>();
        string? pageLine = null;
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            while (pageLine is null && await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                lines.Add(line);
                pageLine = line.Contains("Dashboard page:", StringComparison.Ordinal) ? line : null;
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        var console = string.Join("\n", lines);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.One.Contains("Environment Development, authentication off (Authentication:Mode=None)"), console);
            Assert.That(pageLine, Does.Match(PageLine()), console);
        });
    }

    // "Dashboard page: http://127.0.0.1:PORT/  API: http://127.0.0.1:PORT/api/campaign/dashboard ..."
    [GeneratedRegex(@"Dashboard page: (http://127\.0\.0\.1:\d+)/  API: \1/api/campaign/dashboard")]
    private static partial Regex PageLine();

    /// <summary>`dotnet run --project src/Api --no-build` over a file of this test, no demo data, with no environment or address of the caller's.</summary>
    private Process Start(IReadOnlyDictionary<string, string?> environment, params string[] appArguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet",
            ["run", "--project", Path.Combine(RepositoryPaths.Root, "src", "Api"), "--no-build", "-c", configuration, "--", .. appArguments])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ConnectionStrings__Campaign"] = $"Data Source={Path.Combine(_directory, "dashboard.duckdb")}";
        start.Environment["Dashboard__SeedDemoData"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
