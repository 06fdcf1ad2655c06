using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Figures;

/// <summary>The customers of one segment, their share of the widget's customers, what they spent and in how many bills.</summary>
public sealed record SegmentFigures(string Label, long Customers, long WidgetTotal, decimal Spend, long Bills)
{
    public decimal Percentage => Metrics.Percentage(Customers, WidgetTotal);

    public decimal Spending => Metrics.Round(Spend);

    /// <summary>Spend per bill; 0 when the segment has no bills.</summary>
    public decimal AverageOrderValue => Metrics.Ratio(Spend, Bills);
}
