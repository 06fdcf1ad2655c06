using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Figures;

/// <summary>The customers of one category of a widget (a score, a bucket) and their share of the widget's customers.</summary>
/// <param name="Category">The score (1..5) or the bucket's index.</param>
/// <param name="WidgetTotal">The widget's own customer total: what the percentage is a share of.</param>
public sealed record CategoryShare(int Category, string Label, long Customers, long WidgetTotal)
{
    public decimal Percentage => Metrics.Percentage(Customers, WidgetTotal);
}
