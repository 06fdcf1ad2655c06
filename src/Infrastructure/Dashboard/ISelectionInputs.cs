using CampaignDashboard.Application.Dashboard.Filters;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Supplies the CTEs that selection.sql reads, to every widget statement of a request: `population` (the scored
/// population of the filter's window) and `customer_matches` (the customers the mobile and name filters match).
/// An engine can compute them inline in each statement or once for all of them.
/// </summary>
public interface ISelectionInputs
{
    Task<string> DefinitionsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken);

    /// <summary>
    /// `selection_cells` (selection_cells.sql) computed once for the request's filter, as a definition over a table; null
    /// where each statement computes them inline.
    /// </summary>
    Task<string?> CellsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken);

    /// <summary>
    /// The scored population of the filter's window, a relation to follow FROM (a table, or a query in parentheses
    /// without parameters), for the segment migration. Read under a read pass (DataCommitGate): on DuckDB its measures
    /// can be the live all-history totals.
    /// </summary>
    Task<string> PopulationAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken);
}
