namespace CampaignDashboard.Application.Dashboard.Ports;

// Rows the widget queries return: exact totals, before any division or rounding, so that every engine
// hands the same integers and decimals to the one place that derives the reported numbers.

/// <summary>Totals over the selected customers for the KPI cards.</summary>
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
}

/// <summary>Customers per category: a score (1..5) or a bucket index of a bucket family.</summary>
public sealed record CategoryCount(int Category, long Customers);

/// <summary>Customers and their spend per (R, F, M) score combination: what segments are built from.</summary>
public sealed record RfmCell(int RScore, int FScore, int MScore, long Customers, decimal Spend);

/// <summary>Selected customers active in one fiscal year, and how many of them were acquired in it.</summary>
/// <param name="FiscalYear">The calendar year the fiscal year starts in.</param>
public sealed record FiscalYearCount(int FiscalYear, long TotalCustomers, long NewCustomers);
