using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>Builds the table of a window's scored population for <see cref="ScoredPopulationCache"/> (a seam: tests make builds slow).</summary>
public interface IScoredPopulationBuilder
{
    /// <summary>Creates the table and returns its name; <paramref name="cancellationToken"/> interrupts the build.</summary>
    Task<string> BuildAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken);
}

/// <summary>DuckDB: one CREATE TABLE ... AS over population.sql, in the in-memory work catalog.</summary>
public sealed class DuckDbScoredPopulationBuilder(DuckDbEngine engine, DashboardParameterBinder binder) : IScoredPopulationBuilder
{
    public async Task<string> BuildAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var table = DuckDbEngine.NewWorkTableName("population");
        var sql = $"CREATE TABLE {table} AS WITH {engine.Script(DashboardScripts.Population)} SELECT * FROM population";
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, binder.Bind(sql, filter, asOfDate), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return table;
    }
}
