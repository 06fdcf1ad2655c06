using AutoMapper;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Figures;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>
/// `segment_data`: customers, spend and bills per segment of the request's scheme, in the scheme's order, from the
/// (R, F, M) cells; no engine holds a segment rule.
/// </summary>
public sealed class SegmentWidget(IMapper mapper) : SqlWidget<RfmCell>("segment")
{
    protected override DashboardPiece Fill(IReadOnlyList<RfmCell> rows, DashboardFilter filter)
    {
        var total = rows.Sum(c => c.Customers);
        var bySegment = rows.ToLookup(c => filter.Scheme.Classify(c.RScore, c.FScore, c.MScore));
        var items = filter.Scheme.Segments
            .Select(segment => new SegmentFigures(
                segment.Label, bySegment[segment].Sum(c => c.Customers), total, bySegment[segment].Sum(c => c.Spend), bySegment[segment].Sum(c => c.Bills)))
            .Select(mapper.Map<SegmentItemDto>)
            .ToArray();
        return dashboard => dashboard with { SegmentData = items };
    }
}
