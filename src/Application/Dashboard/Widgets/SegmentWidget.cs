using AutoMapper;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Figures;
using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>`segment_data`: customers and spend per segment, from the (R, F, M) cells; no engine holds a segment rule.</summary>
public sealed class SegmentWidget(IMapper mapper) : SqlWidget<RfmCell>("segment")
{
    protected override DashboardPiece Fill(IReadOnlyList<RfmCell> rows)
    {
        var total = rows.Sum(c => c.Customers);
        var bySegment = rows.ToLookup(c => Segments.Classify(c.RScore, c.FScore, c.MScore));
        var items = Segments.InPrecedenceOrder
            .Select(segment => new SegmentFigures(
                segment.Label, bySegment[segment].Sum(c => c.Customers), total, bySegment[segment].Sum(c => c.Spend)))
            .Select(mapper.Map<SegmentItemDto>)
            .ToArray();
        return dashboard => dashboard with { SegmentData = items };
    }
}
