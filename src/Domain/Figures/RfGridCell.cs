using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Figures;

/// <summary>One cell of the R x F heatmap: its customers, their share of the widget's customers, and their spend.</summary>
public sealed record RfGridCell(int RScore, int FScore, long Customers, long WidgetTotal, decimal Spend)
{
    public decimal Percentage => Metrics.Percentage(Customers, WidgetTotal);

    public decimal Spending => Metrics.Round(Spend);

    /// <summary>Spend per customer of the cell; 0 when the cell is empty.</summary>
    public decimal AverageSpend => Metrics.Ratio(Spend, Customers);
}
