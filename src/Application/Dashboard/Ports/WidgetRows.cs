namespace CampaignDashboard.Application.Dashboard.Ports;

// Rows the widget scripts return: exact counts and sums, before any division or rounding, so that every engine
// hands the same integers and decimals to the domain, which derives the reported numbers.

/// <summary>Customers per category of one family: a score (1..5) of a dimension, or a bucket index of a bucket family.</summary>
/// <param name="Family">Which scores or buckets, as the widget's script names them (e.g. "r", "recency").</param>
public sealed record CategoryCount(string Family, int Category, long Customers)
{
    /// <summary>The counts of one family, as (category, customers).</summary>
    public static (int Category, long Customers)[] Of(IEnumerable<CategoryCount> rows, string family) =>
        rows.Where(row => row.Family == family).Select(row => (row.Category, row.Customers)).ToArray();
}

/// <summary>Customers, their spend and their bills per (R, F, M) score combination: what segments are built from.</summary>
public sealed record RfmCell(int RScore, int FScore, int MScore, long Customers, decimal Spend, long Bills);

/// <summary>Selected customers active in one fiscal year, and how many of them were acquired in it.</summary>
/// <param name="FiscalYear">The calendar year the fiscal year starts in.</param>
public sealed record FiscalYearCount(int FiscalYear, long TotalCustomers, long NewCustomers);
