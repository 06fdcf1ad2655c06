namespace CampaignDashboard.Domain.Buckets;

public enum UpperBoundKind
{
    /// <summary>value &lt;= bound falls in the bucket (recency 200 is in "1-200").</summary>
    Inclusive,

    /// <summary>value &lt; bound falls in the bucket (a 30-day return gap is not "&lt;1 Month").</summary>
    Exclusive,
}
