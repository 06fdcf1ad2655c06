using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Ports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Serves the dashboard from the response cache (keyed on the data version and the normalized filter; concurrent
/// identical requests share one computation), else computes it (<see cref="DashboardComputation"/>).
/// </summary>
/// <remarks>
/// A computation runs in a service scope of its own, not in the request's: when requests share it, the first one
/// may end (cancelled) while the others still wait, and the computation's per-computation state (DuckDB's work
/// tables) must live as long as the computation, not as long as that request.
/// </remarks>
public sealed class GetDashboardQueryHandler(
    IServiceScopeFactory scopes,
    IDataVersionSource dataVersion,
    HybridCache cache,
    IOptions<DashboardOptions> options) : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var filter = DashboardFilterParser.ToFilter(query);
        var cacheSeconds = options.Value.CacheSeconds;
        if (cacheSeconds == 0)
        {
            return await ComputeAsync(scopes, filter, cancellationToken);
        }

        var key = DashboardCacheKey.For(filter, await dataVersion.CurrentAsync(cancellationToken));
        var lifetime = TimeSpan.FromSeconds(cacheSeconds);
        return await cache.GetOrCreateAsync(
            key,
            (Scopes: scopes, Filter: filter),
            static (state, token) => new ValueTask<DashboardDto>(ComputeAsync(state.Scopes, state.Filter, token)),
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
            cancellationToken: cancellationToken);
    }

    private static async Task<DashboardDto> ComputeAsync(IServiceScopeFactory scopes, DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardComputation>().ComputeAsync(filter, cancellationToken);
    }
}
