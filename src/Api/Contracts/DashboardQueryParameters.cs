using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The query string of GET /api/campaign/dashboard. All parameters are optional; blank ones are ignored.</summary>
public sealed class DashboardQueryParameters : FilterQueryParameters
{
    /// <summary>First date of a window to compare with (YYYY-MM-DD); with compare_end_date the response gains `comparison`.</summary>
    [FromQuery(Name = FilterParameterNames.CompareStartDate)]
    public string? CompareStartDate { get; init; }

    /// <summary>Last date of the compare window (YYYY-MM-DD), also its as-of date; given with compare_start_date.</summary>
    [FromQuery(Name = FilterParameterNames.CompareEndDate)]
    public string? CompareEndDate { get; init; }

    public GetDashboardQuery ToQuery() => WithFilters(new GetDashboardQuery { CompareStartDate = CompareStartDate, CompareEndDate = CompareEndDate });
}
