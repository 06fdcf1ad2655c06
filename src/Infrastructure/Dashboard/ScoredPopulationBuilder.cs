using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// A window's scored population: <see cref="Relation"/> follows FROM in any statement (it names no parameter), and reads
/// the <see cref="WorkTables"/> that <see cref="ScoredPopulationCache"/> drops with it.
/// </summary>
public sealed record ScoredPopulation(string Relation, IReadOnlyList<string> WorkTables);

/// <summary>Builds a window's scored population for <see cref="ScoredPopulationCache"/> (a seam: tests make builds slow).</summary>
public interface IScoredPopulationBuilder
{
    /// <summary>Creates its tables and returns it; <paramref name="cancellationToken"/> interrupts the build.</summary>
    Task<ScoredPopulation> BuildAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken);
}

/// <summary>
/// DuckDB: the population is population.sql over the window's measures and their cuts. A window covering every visit
/// (no dates, or dates around the data's) reads the all-history totals the importer keeps (campaign.customer_totals);
/// another aggregates its visits into a table of the in-memory work catalog. The cuts, with every value the scoring
/// needs, are a table of one row, so that the widgets score the measures as they read them: no population is copied.
/// </summary>
public sealed class DuckDbScoredPopulationBuilder(DuckDbEngine engine, DashboardParameterBinder binder, IOptions<DashboardOptions> options)
    : IScoredPopulationBuilder
{
    public async Task<ScoredPopulation> BuildAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var basis = await CustomerTotals.ReadBasisAsync(connection, null, engine, cancellationToken);
        var tables = new List<string>();
        try
        {
            string measures;
            if (asOfDate is { } asOf && basis is not null && basis.Covers(filter.StartDate, filter.EndDate, asOf, options.Value.FiscalCalendar))
            {
                measures = engine.Qualify("campaign.customer_totals");
            }
            else
            {
                measures = DuckDbEngine.NewWorkTableName("measures");
                await CreateAsync(measures, $"{Script("population/window_days")},\n{Script("population/measures")}\nSELECT * FROM measures");
            }

            var cuts = DuckDbEngine.NewWorkTableName("cuts");
            await CreateAsync(cuts, $"measures AS NOT MATERIALIZED (SELECT * FROM {measures}),\n{Script("population/cuts")}\nSELECT * FROM population_cuts");
            return new ScoredPopulation(
                $"(WITH measures AS (SELECT * FROM {measures}),\npopulation_cuts AS (SELECT * FROM {cuts}),\n{Script(DashboardScripts.Population)}\nSELECT * FROM population)",
                tables);
        }
        catch
        {
            await engine.DropWorkTablesAsync(tables);
            throw;
        }

        async Task CreateAsync(string table, string query)
        {
            var sql = $"CREATE TABLE {table} AS WITH {query}";
            await connection.ExecuteAsync(new CommandDefinition(
                sql, binder.Bind(sql, filter, asOfDate), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
            tables.Add(table);
        }
    }

    private string Script(string script) => engine.Script(script);
}
