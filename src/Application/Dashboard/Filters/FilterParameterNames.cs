namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>The public (snake_case) names of the filter parameters, as errors must name them.</summary>
public static class FilterParameterNames
{
    public const string StartDate = "start_date";
    public const string EndDate = "end_date";
    public const string CustomerMobile = "customer_mobile";
    public const string CustomerName = "customer_name";
    public const string RValueBucket = "r_value_bucket";
    public const string FValueBucket = "f_value_bucket";
    public const string MValueBucket = "m_value_bucket";
    public const string RScore = "r_score";
    public const string FScore = "f_score";
    public const string MScore = "m_score";
    public const string Segment = "segment";
    public const string SegmentScheme = "segment_scheme";
    public const string ScoreMethod = "score_method";
    public const string CompareStartDate = "compare_start_date";
    public const string CompareEndDate = "compare_end_date";

    /// <summary>The date format of start_date and end_date.</summary>
    public const string DateFormat = "yyyy-MM-dd";
}
