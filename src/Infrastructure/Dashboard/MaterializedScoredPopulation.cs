using System.Collections.Concurrent;
using CampaignDashboard.Application.Dashboard.Ports;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// DuckDB: a request's widgets read their window's scored population from <see cref="ScoredPopulationCache"/>
/// instead of rescanning the transactions; the request holds the table until it ends.
/// </summary>
public sealed class MaterializedScoredPopulation(ScoredPopulationCache cache, IDataVersionSource dataVersion)
    : IScoredPopulation, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(DateOnly?, DateOnly?), Lazy<Task<ScoredPopulationCache.Lease>>> _leases = new();

    public async Task<string> DefinitionAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var lease = await _leases.GetOrAdd(
            (filter.StartDate, filter.EndDate),
            _ => new Lazy<Task<ScoredPopulationCache.Lease>>(async () =>
                await cache.AcquireAsync(filter, asOfDate, await dataVersion.CurrentAsync(cancellationToken)))).Value
            .WaitAsync(cancellationToken);
        return $"population AS (SELECT * FROM {lease.Table})";
    }

    public async ValueTask DisposeAsync()
    {
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
    }
}
