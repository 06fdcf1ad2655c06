using System.Diagnostics;
using System.Runtime.CompilerServices;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Common.Telemetry;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Serves the dashboard from the response cache (keyed on the data version and the normalized filter; concurrent
/// identical requests share one computation), else computes it (<see cref="DashboardComputation"/>).
/// </summary>
/// <remarks>
/// A computation runs in a service scope of its own, not in the request's: when requests share it, the first one
/// may end (cancelled) while the others still wait, and the computation's per-computation state (the engine's work
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
        var filter = FilterParser.ToFilter(query);
        var cacheSeconds = options.Value.CacheSeconds;
        if (cacheSeconds == 0)
        {
            DashboardTelemetry.CacheMisses.Add(1);
            return await ComputeAsync(scopes, filter, cancellationToken);
        }

        var key = DashboardCacheKey.For(filter, await dataVersion.CurrentAsync(cancellationToken));
        var lifetime = TimeSpan.FromSeconds(cacheSeconds);
        var computed = new StrongBox<bool>();
        var dashboard = await cache.GetOrCreateAsync(
            key,
            (Scopes: scopes, Filter: filter, Computed: computed),
            static (state, token) =>
            {
                state.Computed.Value = true;
                return new ValueTask<DashboardDto>(ComputeAsync(state.Scopes, state.Filter, token));
            },
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
            cancellationToken: cancellationToken);
        (computed.Value ? DashboardTelemetry.CacheMisses : DashboardTelemetry.CacheHits).Add(1);
        return dashboard;
    }

    private static async Task<DashboardDto> ComputeAsync(IServiceScopeFactory scopes, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardComputation>().ComputeAsync(filter, cancellationToken);
        DashboardTelemetry.ComputationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return dashboard;
    }
}
