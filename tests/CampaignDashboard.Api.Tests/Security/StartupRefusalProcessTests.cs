using System.Net;
using System.Net.Sockets;
using CampaignDashboard.Api.Tests.Support;
using DuckDB.NET.Data;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// A start the API refuses, as an operator sees it: the built API in its own process ends with one line on stderr
/// naming the key (or the address) and the fault, exit code 1 (configuration), 2 (address in use) or 3 (database
/// held by another process); never "Unhandled exception.", a stack trace, or 134 (README, "Configuration").
/// </summary>
public sealed class StartupRefusalProcessTests
{
    private const string Prefix = "Campaign Dashboard did not start: ";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private string _directory = null!;

    private string DatabasePath => Path.Combine(_directory, "dashboard.duckdb");

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("campaign-startup-tests-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase("Dashboard:FiscalYearStartMonth must be a month from 1 to 12 (4 = April); found 13.", "Dashboard__FiscalYearStartMonth=13")]
    [TestCase("Dashboard:FiscalYearStartMonth must be a whole number; found 'april'.", "Dashboard__FiscalYearStartMonth=april")]
    [TestCase("Dashboard:CacheSeconds must be from 0 (no cache) to 86400 (a day); found -1.", "Dashboard__CacheSeconds=-1")]
    [TestCase("Dashboard:Currency must be an ISO 4217 currency code in capitals, e.g. GBP, EUR, USD; found 'pounds'.", "Dashboard__Currency=pounds")]
    [TestCase("Dashboard:Currency must be an ISO 4217 currency code in capitals, e.g. GBP, EUR, USD; found 'XYZ'.", "Dashboard__Currency=XYZ")]
    [TestCase("Dashboard:PhoneRegion must be an ISO 3166 region code such as GB or IN, or empty; found 'UK'.", "Dashboard__PhoneRegion=UK")]
    [TestCase("Database:Provider must be one of DuckDb, SqlServer; found 'Oracle'.", "Database__Provider=Oracle")]
    [TestCase("ConnectionStrings:Campaign is empty, but Database:Provider is SqlServer", "Database__Provider=SqlServer", "ConnectionStrings__Campaign=")]
    [TestCase("ConnectionStrings:Campaign has no 'Data Source=<file>', which DuckDB needs", "ConnectionStrings__Campaign=foo.duckdb")]
    [TestCase("Database:DuckDbMemoryLimit must be a size such as 512MB or 2GB; found 'lots'.", "Database__DuckDbMemoryLimit=lots")]
    [TestCase("Segmentation:Schemes:vip segment 'VIP': R [6, 5] has a score outside 1..5.",
        "Segmentation__Schemes__vip__Segments__0__Label=VIP", "Segmentation__Schemes__vip__Segments__0__R__0=6",
        "Segmentation__Schemes__vip__Segments__0__R__1=5", "Segmentation__Schemes__vip__Fallback=Rest")]
    [TestCase("Segmentation:DefaultScheme must be one of contract, rfm10, rfm11; found 'gold'.", "Segmentation__DefaultScheme=gold")]
    [TestCase("Segmentation:Schemes:vip:Segments:0:R must be two scores [min, max]; found 0 values.",
        "Segmentation__Schemes__vip__Segments__0__Label=VIP", "Segmentation__Schemes__vip__Segments__0__R__0=high")]
    public async Task A_wrong_setting_stops_the_start_with_one_line_naming_the_key(string message, params string[] settings)
    {
        var environment = settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], string? (s) => s[1]);
        var run = await ApiProcess.RunUntilExitAsync(DatabasePath, "http://127.0.0.1:0", environment, Timeout);
        AssertRefused(run, exitCode: 1, message);
    }

    [Test]
    public async Task In_Production_without_authentication_the_start_is_refused_in_one_line()
    {
        var run = await ApiProcess.RunUntilExitAsync(DatabasePath, "http://127.0.0.1:0",
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Authentication__Mode"] = null }, Timeout);
        AssertRefused(run, exitCode: 1, "Authentication:Mode is not set, and the environment is Production");
        Assert.That(run.Error, Does.Contain("Set Authentication:Mode=JwtBearer"));
    }

    [Test]
    public async Task A_port_in_use_stops_the_start_with_one_line_naming_the_address()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var run = await ApiProcess.RunUntilExitAsync(DatabasePath, address, new Dictionary<string, string?>(), Timeout);

        AssertRefused(run, exitCode: 2, $"Failed to bind to address {address}: address already in use.");
        Assert.That(run.Error, Does.Contain("--urls"));
    }

    [Test]
    public async Task A_database_held_by_another_process_stops_the_start_with_one_line()
    {
        // DuckDB locks a file per process: this one holds it.
        await using var holder = new DuckDBConnection($"Data Source={DatabasePath}");
        await holder.OpenAsync();

        var run = await ApiProcess.RunUntilExitAsync(DatabasePath, "http://127.0.0.1:0", new Dictionary<string, string?>(), Timeout);

        AssertRefused(run, exitCode: 3, $"The database file {DatabasePath} is held by another process");
    }

    [TestCase("truncated", "is truncated (shorter than its own header says)")]
    [TestCase("empty", "is not a DuckDB database (empty, or another kind of file)")]
    [TestCase("not DuckDB", "is not a DuckDB database (empty, or another kind of file)")]
    public async Task A_bad_database_file_stops_the_start_with_one_line_naming_the_file_and_the_fault(string damage, string fault)
    {
        switch (damage)
        {
            case "truncated":
                await DamagedDatabaseFiles.CreateAsync(DatabasePath);
                DamagedDatabaseFiles.Truncate(DatabasePath);
                break;
            case "empty":
                await File.WriteAllBytesAsync(DatabasePath, []);
                break;
            default:
                await File.WriteAllTextAsync(DatabasePath, "customer_id,customer_name\n1,Not a database\n");
                break;
        }

        var run = await ApiProcess.RunUntilExitAsync(DatabasePath, "http://127.0.0.1:0", new Dictionary<string, string?>(), Timeout);

        AssertRefused(run, exitCode: 3, $"The database file {DatabasePath} {fault}");
    }

    [Test]
    public async Task A_database_held_by_a_running_import_stops_the_start_naming_the_process()
    {
        // An import holds the file from its first open to its end; this process stands in for it.
        await using var import = new DuckDBConnection($"Data Source={DatabasePath}");
        await import.OpenAsync();

        var run = await ApiProcess.RunUntilExitAsync(DatabasePath, "http://127.0.0.1:0", new Dictionary<string, string?>(), Timeout);

        AssertRefused(run, exitCode: 3, $"The database file {DatabasePath} is held by another process (PID {Environment.ProcessId})");
    }

    private static void AssertRefused((int ExitCode, string Output, string Error) run, int exitCode, string message)
    {
        var console = run.Output + run.Error;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), console);
            Assert.That(run.Error, Does.Contain(Prefix + message), console);
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "stderr is one line");
            Assert.That(console, Does.Not.Contain("Unhandled exception"));
            Assert.That(console, Does.Not.Contain("   at "), "no stack frame");
        });
    }
}
