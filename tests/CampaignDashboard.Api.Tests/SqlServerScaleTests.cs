using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// SQL Server at scale: the synthetic retail dataset of CAMPAIGN_TEST_SQLSERVER_SCALE transactions (e.g. 10000000; one
/// customer per ten transactions) loaded into SQL Server and into DuckDB, and the dashboards of a few requests compared
/// field by field. Runs only where that variable is set and a SQL Server answers (SqlServerTestServer); otherwise it is
/// reported skipped with the reason. The timings are printed, never asserted: they depend on the server.
/// </summary>
[Category(TestEngines.SqlServerCategory)]
public sealed class SqlServerScaleTests
{
    public const string EnvironmentVariable = "CAMPAIGN_TEST_SQLSERVER_SCALE";

    // Cold windows, then requests that only narrow the customers of a window already built (its population table is
    // reused), a second score method, and a segment migration between two windows.
    private static readonly string[] Requests =
    [
        string.Empty,
        "?start_date=2025-01-01&end_date=2025-12-31",
        "?start_date=2025-01-01&end_date=2025-12-31&customer_name=an",
        "?start_date=2025-01-01&end_date=2025-12-31&r_score=5&m_score=4,5",
        "?start_date=2025-01-01&end_date=2025-12-31&score_method=ties",
        "?start_date=2025-07-01&end_date=2025-12-31&compare_start_date=2025-01-01&compare_end_date=2025-06-30",
    ];

    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Statements over ten million rows can take minutes on a small server: the test measures, it does not time out.
        ["Database:CommandTimeoutSeconds"] = "3600",
    };

    [Test]
    public async Task The_SQL_Server_dashboard_equals_the_DuckDB_dashboard_on_the_same_large_dataset()
    {
        var transactions = RequiredSize();
        var sqlServerDatabase = await SqlServerTestDatabase.CreateAsync(); // the factory drops it when disposed
        using var sqlServer = new DashboardApiFactory(sqlServer: sqlServerDatabase, settings: Settings);
        using var duckDb = new DashboardApiFactory(settings: Settings);
        var data = new SyntheticRetailData(customers: (int)Math.Max(1, transactions / 10), transactions, seed: 17);
        await Progress($"{EnvironmentVariable}={transactions}: {data.CustomerCount:N0} customers, {data.TransactionCount:N0} transactions");

        await LoadAsync("DuckDB", duckDb, data);
        await LoadAsync("SQL Server", sqlServer, data);

        using var duckDbClient = Client(duckDb);
        using var sqlServerClient = Client(sqlServer);
        var failures = new List<string>();
        foreach (var request in Requests)
        {
            var expected = await DashboardAsync("DuckDB", duckDbClient, request);
            var actual = await DashboardAsync("SQL Server", sqlServerClient, request);
            var differences = JsonComparer.Differences(expected, actual);
            if (differences.Count > 0)
            {
                failures.Add($"'{request}':\n  " + string.Join("\n  ", differences.Take(10)));
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} SQL Server dashboards differ from DuckDB's:\n" + string.Join("\n", failures));
    }

    /// <summary>The number of transactions to test with, or Assert.Ignore with why the test does not run.</summary>
    private static long RequiredSize()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Ignore($"{EnvironmentVariable} is not set (e.g. {EnvironmentVariable}=10000000, with a SQL Server as for the SQL Server suite).");
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var transactions) || transactions < 1)
        {
            Assert.Fail($"{EnvironmentVariable} must be a positive number of transactions; found '{value}'.");
        }

        return transactions;
    }

    private static async Task LoadAsync(string engine, DashboardApiFactory factory, SyntheticRetailData data)
    {
        _ = factory.Server; // starts the host: the schema exists from here on, and the database is empty
        var started = Stopwatch.GetTimestamp();
        var summary = await factory.Services.GetRequiredService<ICampaignImporter>().ImportAsync(
            ImportBatch.FromRecords("synthetic", data.Customers(), data.Transactions()), null, CancellationToken.None);
        await Progress($"{engine}: imported {summary.RowsRead:N0} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private static HttpClient Client(DashboardApiFactory factory)
    {
        var client = factory.CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    private static async Task<JsonNode?> DashboardAsync(string engine, HttpClient client, string request)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/api/campaign/dashboard" + request);
        var body = await response.Content.ReadAsStringAsync();
        await Progress($"{engine}: '{request}' {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{engine}, '{request}': {body}");
        return JsonNode.Parse(body);
    }

    private static Task Progress(string line) => TestContext.Progress.WriteLineAsync("[SQL Server scale] " + line);
}
