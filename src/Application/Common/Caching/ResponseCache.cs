using System.Diagnostics;
using System.Runtime.CompilerServices;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Common.Telemetry;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Data;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Common.Caching;

/// <summary>
/// Computed responses kept for Dashboard:CacheSeconds, keyed on the data version and the request's normalized
/// parameters (<see cref="ResponseCacheKey"/>), so imports invalidate them at once; concurrent identical requests
/// share one computation.
/// </summary>
/// <remarks>
/// A computation runs in a service scope of its own, not in the request's: when requests share it, the first one may
/// end (cancelled) while the others still wait, and the computation's per-computation state (the engine's work tables)
/// must live as long as the computation, not as long as that request.
/// </remarks>
public sealed class ResponseCache(
    IServiceScopeFactory scopes,
    IDataVersionSource dataVersion,
    DataCommitGate gate,
    HybridCache cache,
    IOptions<DashboardOptions> options)
{
    /// <summary>
    /// The response of <paramref name="kind"/> for <paramref name="parameters"/> (every member is part of the key), from the
    /// cache or computed by <paramref name="compute"/> with the services of a scope of its own.
    /// </summary>
    public async ValueTask<TResponse> GetOrComputeAsync<TParameters, TResponse>(
        string kind,
        TParameters parameters,
        Func<IServiceProvider, TParameters, CancellationToken, Task<TResponse>> compute,
        CancellationToken cancellationToken)
    {
        // One version of the data from the version's read to the answer: an import's commit waits for it.
        using var snapshot = await gate.ReadAsync(cancellationToken);
        var cacheSeconds = options.Value.CacheSeconds;
        if (cacheSeconds == 0)
        {
            DashboardTelemetry.CacheMisses.Add(1);
            return await ComputeAsync(scopes, parameters, compute, cancellationToken);
        }

        var key = ResponseCacheKey.For(kind, parameters, await dataVersion.CurrentAsync(cancellationToken));
        var lifetime = TimeSpan.FromSeconds(cacheSeconds);
        var computed = new StrongBox<bool>();
        var response = await cache.GetOrCreateAsync(
            key,
            (Scopes: scopes, Parameters: parameters, Compute: compute, Computed: computed),
            static (state, token) =>
            {
                state.Computed.Value = true;
                return new ValueTask<TResponse>(ComputeAsync(state.Scopes, state.Parameters, state.Compute, token));
            },
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
            cancellationToken: cancellationToken);
        (computed.Value ? DashboardTelemetry.CacheMisses : DashboardTelemetry.CacheHits).Add(1);
        return response;
    }

    private static async Task<TResponse> ComputeAsync<TParameters, TResponse>(
        IServiceScopeFactory scopes,
        TParameters parameters,
        Func<IServiceProvider, TParameters, CancellationToken, Task<TResponse>> compute,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var response = await compute(scope.ServiceProvider, parameters, cancellationToken);
        DashboardTelemetry.ComputationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return response;
    }
}
