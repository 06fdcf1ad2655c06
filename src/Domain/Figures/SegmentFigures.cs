using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Figures;

/// <summary>The customers of one segment, their share of the widget's customers, and what they spent.</summary>
public sealed record SegmentFigures(string Label, long Customers, long WidgetTotal, decimal Spend)
{
    public decimal Percentage => Metrics.Percentage(Customers, WidgetTotal);

    public decimal Spending => Metrics.Round(Spend);
}
