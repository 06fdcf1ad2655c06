using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Widgets;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// One computation of a dashboard: runs every registered widget concurrently with the same filter and lets each fill
/// its piece of an empty dashboard. If one widget fails, the others are cancelled and the computation fails as a
/// whole: a dashboard is never returned half-filled.
/// </summary>
public sealed class DashboardComputation(IEnumerable<IDashboardWidget> widgets, IDashboardQueries queries)
{
    public async Task<DashboardDto> ComputeAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        using var fanOut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pieces = await Task.WhenAll(widgets.Select(Run));
        return pieces.OrderBy(p => p.Order).Aggregate(new DashboardDto(), (dashboard, piece) => piece.Fill(dashboard));

        async Task<(int Order, DashboardPiece Fill)> Run(IDashboardWidget widget)
        {
            try
            {
                return (widget.Order, await widget.ComputeAsync(queries, filter, fanOut.Token));
            }
            catch
            {
                await fanOut.CancelAsync();
                throw;
            }
        }
    }
}
