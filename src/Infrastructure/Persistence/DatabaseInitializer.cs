using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>Creates the schema at start and, when asked to, fills an empty database with the demo dataset.</summary>
public sealed partial class DatabaseInitializer(
    ICampaignDataStore store, ICampaignImporter importer, IOptions<DashboardOptions> options, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Brings the schema up to date; with <paramref name="allowDemoData"/>, seeds an empty database if configured to.</summary>
    public async Task InitializeAsync(bool allowDemoData, CancellationToken cancellationToken)
    {
        await store.EnsureSchemaAsync(cancellationToken);
        var database = store.Describe();
        LogDatabase(database);
        if (!allowDemoData || !options.Value.SeedDemoData || await store.HasTransactionsAsync(cancellationToken))
        {
            return;
        }

        var demo = SyntheticRetailData.Demo();
        LogSeeding(demo.CustomerCount, demo.TransactionCount);
        await importer.ImportAsync(ImportBatch.FromRecords("demo data", demo.Customers(), demo.Transactions()), null, cancellationToken);
        LogSeeded();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign database: {Database}")]
    private partial void LogDatabase(string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is empty: seeding demo data ({Customers} customers, {Transactions} transactions)")]
    private partial void LogSeeding(int customers, long transactions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded")]
    private partial void LogSeeded();
}
