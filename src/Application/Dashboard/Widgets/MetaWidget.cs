using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>`meta`: the as-of date the figures were computed at, the segment scheme and the score method.</summary>
public sealed class MetaWidget : IDashboardWidget
{
    public string Name => "as_of_date";

    public async Task<DashboardPiece> ComputeAsync(IDashboardQueries queries, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var asOfDate = await queries.AsOfDateAsync(filter, cancellationToken);
        return dashboard => dashboard with { Meta = new DashboardMetaDto(asOfDate, filter.Scheme.Name, filter.ScoreMethod.Name()) };
    }
}
