using CampaignDashboard.Application.Dashboard.Filters;
using Mediator;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Asks for the dashboard of a window and customer filters, as the caller gave them;
/// <see cref="GetDashboardQueryValidator"/> checks them and <see cref="FilterParser"/> turns them into the typed filter.
/// </summary>
public sealed record GetDashboardQuery : FilterParameters, IQuery<DashboardDto>
{
    /// <summary>First date of a window to compare with (contract section 9); given with <see cref="CompareEndDate"/>.</summary>
    public string? CompareStartDate { get; init; }

    /// <summary>Last date of the compare window, also its as-of date.</summary>
    public string? CompareEndDate { get; init; }
}
