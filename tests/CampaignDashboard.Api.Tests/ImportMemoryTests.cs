using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// DuckDB: an import needs memory in proportion to its batch; a cap set lower (Database:DuckDbMemoryLimit) is raised
/// for that import and set back after it, so that any size imports with the default settings.
/// </summary>
public sealed class ImportMemoryTests
{
    [Test]
    public async Task An_import_larger_than_the_memory_cap_allows_runs_and_leaves_the_cap_as_configured()
    {
        // As the command line runs DuckDB (one thread), with a cap under which staging 2.2 million rows works and
        // checking them fails (as does 12 MiB), measured.
        using var factory = new DashboardApiFactory(settings: new Dictionary<string, string?>
        {
            ["Database:DuckDbMemoryLimit"] = "8MB",
            ["Database:DuckDbThreads"] = "1",
        });
        _ = factory.Server;
        var data = new SyntheticRetailData(200_000, 2_000_000, seed: 3);

        var summary = await factory.Services.GetRequiredService<ICampaignImporter>().ImportAsync(
            ImportBatch.FromRecords("generated", data.Customers(), data.Transactions()), null, CancellationToken.None);

        await using var connection = await factory.Services.GetRequiredService<IDatabaseEngine>().OpenConnectionAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(summary.Inserted, Is.EqualTo(2_200_000));
            Assert.That(await connection.ExecuteScalarAsync<string>("SELECT current_setting('memory_limit')"), Is.EqualTo("7.6 MiB"));
            // Its derived data used every core (DuckDbEngine.UseEveryCoreAsync), and the configured one thread is back.
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT current_setting('threads')"), Is.EqualTo(1));
        });
    }
}
