using CampaignDashboard.Domain.Buckets;

namespace CampaignDashboard.Application.Dashboard.Ports;

/// <summary>
/// A validated dashboard request, in domain terms: the transaction window and the customer filters.
/// Every widget query receives the same instance.
/// </summary>
/// <param name="StartDate">Inclusive first transaction date of the window; null = open.</param>
/// <param name="EndDate">Inclusive last transaction date of the window; null = open. Also the as-of date when given.</param>
/// <param name="MobileDigits">Digits a customer's stored mobile must equal (punctuation ignored); null = no filter.</param>
/// <param name="NameContains">Case-insensitive literal substring of the customer name; null = no filter.</param>
/// <param name="RecencyBuckets">Buckets of <see cref="BucketFamilies.Recency"/> a customer must fall in; empty = no filter.</param>
/// <param name="VisitBuckets">Buckets of <see cref="BucketFamilies.Visits"/>; empty = no filter.</param>
/// <param name="SpendBuckets">Buckets of <see cref="BucketFamilies.Spend"/>; empty = no filter.</param>
public sealed record DashboardFilter(
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? MobileDigits,
    string? NameContains,
    IReadOnlySet<Bucket> RecencyBuckets,
    IReadOnlySet<Bucket> VisitBuckets,
    IReadOnlySet<Bucket> SpendBuckets)
{
    public static DashboardFilter Unfiltered { get; } = new(null, null, null, null,
        new HashSet<Bucket>(), new HashSet<Bucket>(), new HashSet<Bucket>());
}
