using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The query string of GET /api/campaign/dashboard. All parameters are optional; blank ones are ignored.</summary>
public sealed class DashboardQueryParameters : FilterQueryParameters
{
    public GetDashboardQuery ToQuery() => WithFilters(new GetDashboardQuery());
}
