using CampaignDashboard.Application.Dashboard.Filters;
using Mediator;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Asks for the dashboard of a window and customer filters, as the caller gave them;
/// <see cref="GetDashboardQueryValidator"/> checks them and <see cref="FilterParser"/> turns them into the typed filter.
/// </summary>
public sealed record GetDashboardQuery : FilterParameters, IQuery<DashboardDto>;
