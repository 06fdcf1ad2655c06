namespace CampaignDashboard.Domain.Buckets;

/// <summary>The four bucket families of the dashboard, with the bounds and labels of the contract.</summary>
public static class BucketFamilies
{
    /// <summary>Days since the last purchase (as-of date minus last transaction date): r_value_bucket_data.</summary>
    public static BucketFamily Recency { get; } = new(
        "recency in days",
        UpperBoundKind.Inclusive,
        [("1-200", 200), ("200-400", 400), ("400-600", 600), ("600-800", 800), ("800-1000", 1000), (">1000", null)]);

    /// <summary>Distinct purchase days in the window: visits_data.</summary>
    public static BucketFamily Visits { get; } = new(
        "visits",
        UpperBoundKind.Inclusive,
        [("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5), ("6", 6), ("7", 7), ("8", 8), ("9", 9), ("10+", null)]);

    /// <summary>Total spend in the window: value_data.</summary>
    public static BucketFamily Spend { get; } = new(
        "spend",
        UpperBoundKind.Inclusive,
        [("1-1000", 1000), ("1000-2000", 2000), ("2000-3000", 3000), ("3000-4000", 4000), ("4000-5000", 5000), (">5000", null)]);

    /// <summary>Mean days between consecutive visits, for customers with two or more: days_to_return_bucket_data.</summary>
    public static BucketFamily ReturnPeriod { get; } = new(
        "mean days between visits",
        UpperBoundKind.Exclusive,
        [("<1 Month", 30), ("1-2 Month", 60), ("2-3 Month", 90), ("3-6 Month", 180), ("6-12 Month", 365), ("1-2 Yr", 730), (">2 Yr", null)]);
}
