namespace CampaignDashboard.Application.Customers.Common;

/// <summary>
/// One customer of the selection as the engines return it (customers.sql): measures over the window, scores over
/// the whole population. Dates arrive as DateTime from both engines.
/// </summary>
public sealed class CustomerRow
{
    public long CustomerId { get; init; }

    public string? CustomerName { get; init; }

    public string? Mobile { get; init; }

    public int RScore { get; init; }

    public int FScore { get; init; }

    public int MScore { get; init; }

    public long RecencyDays { get; init; }

    public long Visits { get; init; }

    public long Bills { get; init; }

    public long Units { get; init; }

    public decimal Spend { get; init; }

    public decimal Profit { get; init; }

    public DateTime FirstPurchase { get; init; }

    public DateTime LastPurchase { get; init; }

    public DateTime Acquired { get; init; }
}
