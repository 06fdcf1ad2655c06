using CampaignDashboard.Application.Dashboard.Ports;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Supplies the CTEs that define `population` (the scored population of a filter's window) to every widget
/// statement of a request. An engine can compute it inline in each statement or once for all of them.
/// </summary>
public interface IScoredPopulation
{
    Task<string> DefinitionAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken);
}
