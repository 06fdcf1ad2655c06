using CampaignDashboard.Application.Common.Caching;
using CampaignDashboard.Application.Dashboard.Filters;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Serves the dashboard from the response cache (keyed on the data version and the whole normalized filter), else
/// computes it (<see cref="DashboardComputation"/>).
/// </summary>
public sealed class GetDashboardQueryHandler(ResponseCache cache, FilterParser filters) : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    /// <summary>The response cache's name for dashboards.</summary>
    public const string CacheKind = "dashboard";

    public ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken) =>
        cache.GetOrComputeAsync(
            CacheKind,
            filters.ToFilter(query) with { Comparison = FilterParser.WindowOf(query.CompareStartDate, query.CompareEndDate) },
            static (services, filter, token) => services.GetRequiredService<DashboardComputation>().ComputeAsync(filter, token),
            cancellationToken);
}
