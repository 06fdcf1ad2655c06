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
/// instead of rescanning the visits. A request with a mobile or name filter also computes its selection once,
/// as customer ids in a table it drops when it ends, instead of searching the customers in every widget: the widgets
/// read those ids as their customer matches. Only ids are copied, so a broad name filter costs four bytes a customer.
/// The widgets that read S's cells (selection_cells.sql) share one table of them per request; without a mobile or
/// name filter it is made from the population's cells, which the population keeps (<see cref="ScoredPopulationCache"/>).
/// </summary>
public sealed class MaterializedSelectionInputs(
    ScoredPopulationCache cache, IDataVersionSource dataVersion, DuckDbEngine engine, DashboardParameterBinder binder)
    : ISelectionInputs, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(DateOnly?, DateOnly?, ScoreMethod), Lazy<Task<ScoredPopulationCache.Lease>>> _leases = new();
    // The request's own tables (a name filter's selection, S's cells), by what they hold and the filter.
    private readonly ConcurrentDictionary<(string Kind, DashboardFilter Filter), Lazy<Task<string>>> _requestTables = new();

    public async Task<string> PopulationAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        (await LeaseAsync(filter, asOfDate, cancellationToken)).Population.Relation();

    public async Task<string> DefinitionsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var population = (await LeaseAsync(filter, asOfDate, cancellationToken)).Population;
        if (!filter.MatchesCustomers)
        {
            return Whole(population);
        }

        // The selection, and every statement after it, scores the matched customers only.
        var selection = await RequestTableAsync(
            "selection",
            filter,
            asOfDate,
            $"{Load(DashboardScripts.CustomerMatches)},\npopulation AS (SELECT * FROM {population.Relation("customer_matches")}),\n"
            + $"{Load(DashboardScripts.Selection)}\nSELECT customer_id FROM selection",
            cancellationToken);
        return $"population AS (SELECT * FROM {population.Relation(selection)}),\ncustomer_matches AS (SELECT customer_id FROM {selection})";
    }

    private Task<ScoredPopulationCache.Lease> LeaseAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        _leases.GetOrAdd(
                (filter.StartDate, filter.EndDate, filter.ScoreMethod),
                _ => new Lazy<Task<ScoredPopulationCache.Lease>>(async () =>
                    await cache.AcquireAsync(filter, asOfDate, await dataVersion.CurrentAsync(cancellationToken), cancellationToken))).Value
            .WaitAsync(cancellationToken);

    public async Task<string?> CellsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        if (filter.MatchesCustomers)
        {
            var definitions = await DefinitionsAsync(filter, asOfDate, cancellationToken);
            var matchedCells = await RequestTableAsync("cells", filter, asOfDate, CellsOf(definitions), cancellationToken);
            return $"selection_cells AS (SELECT * FROM {matchedCells})";
        }

        // Without a mobile or name filter, S's cells are the population's cells that pass the other filters: a cell
        // carries every value they test (scores and buckets), so selection.sql keeps them as it keeps customers. P's
        // cells are kept with the population, so P is scored once for every such request, not once per request.
        var lease = await LeaseAsync(filter, asOfDate, cancellationToken);
        var populationCells = await lease.CellsAsync(
            stop => FillAsync("population_cells", DashboardFilter.Unfiltered, asOfDate, CellsOf(Whole(lease.Population)), stop),
            cancellationToken);
        if (!filter.NarrowsCustomers)
        {
            return $"selection_cells AS (SELECT * FROM {populationCells})";
        }

        var cells = await RequestTableAsync(
            "cells",
            filter,
            asOfDate,
            $"population AS (SELECT CAST(NULL AS BIGINT) AS customer_id, c.* FROM {populationCells} AS c),\n"
            + $"{Load(DashboardScripts.CustomerMatches)},\n{Load(DashboardScripts.Selection)}\nSELECT * EXCLUDE (customer_id) FROM selection",
            cancellationToken);
        return $"selection_cells AS (SELECT * FROM {cells})";
    }

    public async ValueTask DisposeAsync()
    {
        // A fill the request stopped waiting for (it was cancelled) may still be reading the population: wait for it
        // before releasing the population, and drop its table too.
        var tables = new List<string>();
        foreach (var table in _requestTables.Values.Where(t => t.IsValueCreated))
        {
            try
            {
                tables.Add(await table.Value);
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

        await engine.DropWorkTablesAsync(tables);
    }

    /// <summary>
    /// A table of the request (<paramref name="kind"/> names it), filled once by <paramref name="query"/> (a WITH list and
    /// its SELECT), dropped when the request ends.
    /// </summary>
    private Task<string> RequestTableAsync(string kind, DashboardFilter filter, DateOnly? asOfDate, string query, CancellationToken cancellationToken) =>
        _requestTables.GetOrAdd(
                (kind, filter),
                _ => new Lazy<Task<string>>(() => FillAsync(kind, filter, asOfDate, query, cancellationToken))).Value
            .WaitAsync(cancellationToken);

    private async Task<string> FillAsync(string kind, DashboardFilter filter, DateOnly? asOfDate, string query, CancellationToken cancellationToken)
    {
        await Task.Yield(); // DuckDB completes synchronously: never run the fill under the Lazy's lock, blocking other widgets

        var table = DuckDbEngine.NewWorkTableName(kind);
        var sql = $"CREATE TABLE {table} AS WITH {query}";
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, binder.Bind(sql, filter, asOfDate), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return table;
    }

    /// <summary>The definitions of a statement over every customer of the population (no customer is matched).</summary>
    private string Whole(ScoredPopulation population) =>
        $"population AS (SELECT * FROM {population.Relation()}),\n{Load(DashboardScripts.CustomerMatches)}";

    /// <summary>A query of S's cells after <paramref name="definitions"/> (the population and the customer matches).</summary>
    private string CellsOf(string definitions) =>
        $"{definitions},\n{Load(DashboardScripts.Selection)},\n{Load(DashboardScripts.SelectionCells)}\nSELECT * FROM selection_cells";

    private string Load(string script) => engine.Script(script);
}
