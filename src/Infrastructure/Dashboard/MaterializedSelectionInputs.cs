using System.Collections.Concurrent;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// DuckDB: a request's widgets read their window's scored population from <see cref="ScoredPopulationCache"/>
/// instead of rescanning the transactions. A request with a mobile or name filter also computes its selection once,
/// as customer ids in a table it drops when it ends, instead of searching the customers in every widget: the widgets
/// read those ids as their customer matches. Only ids are copied, so a broad name filter costs four bytes a customer.
/// </summary>
public sealed class MaterializedSelectionInputs(
    ScoredPopulationCache cache, IDataVersionSource dataVersion, DuckDbEngine engine, DashboardParameterBinder binder)
    : ISelectionInputs, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(DateOnly?, DateOnly?, ScoreMethod), Lazy<Task<ScoredPopulationCache.Lease>>> _leases = new();
    private readonly ConcurrentDictionary<DashboardFilter, Lazy<Task<string>>> _selections = new();

    public async Task<string> PopulationTableAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var lease = await _leases.GetOrAdd(
            (filter.StartDate, filter.EndDate, filter.ScoreMethod),
            _ => new Lazy<Task<ScoredPopulationCache.Lease>>(async () =>
                await cache.AcquireAsync(filter, asOfDate, await dataVersion.CurrentAsync(cancellationToken), cancellationToken))).Value
            .WaitAsync(cancellationToken);
        return lease.Table;
    }

    public async Task<string> DefinitionsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var population = $"population AS (SELECT * FROM {await PopulationTableAsync(filter, asOfDate, cancellationToken)})";
        if (!filter.MatchesCustomers)
        {
            return $"{population},\n{Load(DashboardScripts.CustomerMatches)}";
        }

        var selection = await _selections.GetOrAdd(
                filter,
                _ => new Lazy<Task<string>>(() => FillSelectionAsync(population, filter, asOfDate, cancellationToken))).Value
            .WaitAsync(cancellationToken);
        return $"{population},\ncustomer_matches AS (SELECT customer_id FROM {selection})";
    }

    public async ValueTask DisposeAsync()
    {
        // A fill the request stopped waiting for (it was cancelled) may still be reading the population: wait for it
        // before releasing the population, and drop its table too.
        var selections = new List<string>();
        foreach (var selection in _selections.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                selections.Add(await selection.Value);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The fill failed: no table was created.
            }
        }

        foreach (var lease in _leases.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                await (await lease.Value).DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The build failed: there is nothing to release, and the request already reported the failure.
            }
        }

        await engine.DropWorkTablesAsync(selections);
    }

    private async Task<string> FillSelectionAsync(string population, DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        await Task.Yield(); // DuckDB completes synchronously: never run the fill under the Lazy's lock, blocking other widgets

        var table = DuckDbEngine.NewWorkTableName("selection");
        var sql = $"CREATE TABLE {table} AS WITH {population},\n{Load(DashboardScripts.CustomerMatches)},\n{Load(DashboardScripts.Selection)}\nSELECT customer_id FROM selection";
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, binder.Bind(sql, filter, asOfDate), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return table;
    }

    private string Load(string script) => engine.Script(script);
}
