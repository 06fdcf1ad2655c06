using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Figures;

/// <summary>
/// Exact totals over the selected customers, as an engine returns them (before any division or rounding), and the
/// KPI figures the contract derives from them. Every engine hands the same integers and decimals to this one place.
/// </summary>
/// <param name="Customers">|S|.</param>
/// <param name="Bills">Transactions of S in the window.</param>
/// <param name="Units">Sum of quantity.</param>
/// <param name="Spend">Sum of amount.</param>
/// <param name="Profit">Sum of profit, null counted as 0.</param>
/// <param name="ReturningCustomers">Customers with two or more visits.</param>
/// <param name="ReturnGapDays">Sum over returning customers of (last - first) in days.</param>
/// <param name="ReturnGapCount">Sum over returning customers of (visits - 1).</param>
public sealed record KpiTotals(
    long Customers,
    long Bills,
    long Units,
    decimal Spend,
    decimal Profit,
    long ReturningCustomers,
    long ReturnGapDays,
    long ReturnGapCount)
{
    public static KpiTotals Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public long TotalCustomer => Customers;

    public decimal UnitPerTransaction => Metrics.Ratio(Units, Bills);

    public decimal ProfitPerCustomer => Metrics.Ratio(Profit, Customers);

    public decimal CustomerSpending => Metrics.Round(Spend);

    /// <summary>The mean gap between consecutive visits of returning customers.</summary>
    public decimal DaysToReturn => Metrics.Ratio(ReturnGapDays, ReturnGapCount);

    public decimal RetentionRate => Metrics.Percentage(ReturningCustomers, Customers);
}
