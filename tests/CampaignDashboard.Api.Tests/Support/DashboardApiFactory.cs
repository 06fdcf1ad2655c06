using System.Globalization;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests.Support;

/// <summary>
/// The API in memory over its own database (a DuckDB file, or a SQL Server test database), with no demo data;
/// tests load the rows they need. By default authentication and rate limiting are off (Authentication:Mode=None,
/// RateLimiting:PermitLimit=0); the security tests turn them on through <paramref name="settings"/>.
/// </summary>
/// <param name="databasePath">An existing DuckDB file to serve (the caller owns it); by default a new temporary one.</param>
/// <param name="settings">Configuration applied last, over the defaults above (e.g. "Authentication:Mode").</param>
/// <param name="environment">The hosting environment; "Testing" unless a test is about environment-specific behaviour.</param>
/// <param name="configureServices">Replaces services after the API registered its own (test doubles, log sinks).</param>
public sealed class DashboardApiFactory(
    int fiscalYearStartMonth = 4,
    SqlServerTestDatabase? sqlServer = null,
    string? databasePath = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Testing",
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("campaign-dashboard-tests-").FullName;

    public string DatabasePath => databasePath ?? Path.Combine(_directory, "dashboard.duckdb");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        if (sqlServer is null)
        {
            builder.UseSetting("ConnectionStrings:Campaign", $"Data Source={DatabasePath}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:Campaign", sqlServer.ConnectionString);
        }

        builder.UseSetting("Dashboard:SeedDemoData", "false");
        builder.UseSetting("Dashboard:FiscalYearStartMonth", fiscalYearStartMonth.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Authentication:Mode", "None");
        builder.UseSetting("RateLimiting:PermitLimit", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value ?? string.Empty);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    /// <summary>Replaces the database's contents with <paramref name="dataset"/>.</summary>
    public Task LoadAsync(RefDataset dataset) => LoadAsync(
        dataset.Customers.Select(c => new CustomerRecord(c.CustomerId, c.CustomerName, c.Mobile, c.RegistrationDate)),
        dataset.Transactions.Select(t => new TransactionRecord(t.TransactionId, t.CustomerId, t.TransactionDate, t.Amount, t.Quantity, t.Profit)));

    public async Task LoadAsync(IEnumerable<CustomerRecord> customers, IEnumerable<TransactionRecord> transactions)
    {
        _ = Server; // starts the host: the schema exists from here on
        await using (var connection = await Services.GetRequiredService<IDatabaseEngine>().OpenConnectionAsync(CancellationToken.None))
        {
            // The visits and all-history totals are DuckDB's alone (derived by its importer; no basis: counted again).
            await connection.ExecuteAsync("DELETE FROM campaign.transactions; DELETE FROM campaign.customers;"
                + (sqlServer is null
                    ? " DELETE FROM campaign.customer_days; DELETE FROM campaign.customer_totals; DELETE FROM campaign.customer_totals_basis;"
                    : string.Empty));
        }

        await Services.GetRequiredService<ICampaignImporter>().ImportAsync(
            ImportBatch.FromRecords("test data", customers, transactions) with { AllowUnknownCustomers = true }, null, CancellationToken.None);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        // Dispose can run twice (sync and async paths of the factory): drop the database once.
        var database = Interlocked.Exchange(ref sqlServer, null);
        database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
