using System.Collections.Concurrent;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// DuckDB: the population of a request's window is computed once, into a table of the in-memory work catalog,
/// and every widget of the request reads that table instead of rescanning the transactions. The table is
/// dropped when the request ends.
/// </summary>
public sealed class MaterializedScoredPopulation(DuckDbEngine engine, DashboardParameterBinder binder)
    : IScoredPopulation, IAsyncDisposable
{
    private static long _sequence;
    private readonly ConcurrentDictionary<(DateOnly?, DateOnly?), Lazy<Task<string>>> _tables = new();

    public async Task<string> DefinitionAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var table = await _tables.GetOrAdd(
            (filter.StartDate, filter.EndDate),
            _ => new Lazy<Task<string>>(() => MaterializeAsync(filter, asOfDate, cancellationToken))).Value;
        return $"population AS (SELECT * FROM {table})";
    }

    public async ValueTask DisposeAsync()
    {
        var created = _tables.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully).Select(t => t.Value.Result).ToArray();
        if (created.Length == 0)
        {
            return;
        }

        await using var connection = await engine.OpenConnectionAsync(CancellationToken.None);
        foreach (var table in created)
        {
            await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table}");
        }
    }

    private async Task<string> MaterializeAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        // The name is generated here, never taken from input.
        var table = $"{DuckDbEngine.WorkCatalog}.population_{Interlocked.Increment(ref _sequence)}";
        var sql = $"CREATE TABLE {table} AS WITH {SqlScripts.Load(engine.ScriptFolder, DashboardScripts.Population)} SELECT * FROM population";
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, binder.Bind(sql, filter, asOfDate), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return table;
    }
}
