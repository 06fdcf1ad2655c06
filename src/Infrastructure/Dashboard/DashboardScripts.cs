namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>Names of the dashboard's scripts; every engine has one file of each name.</summary>
public static class DashboardScripts
{
    public const string AsOfDate = "as_of_date";
    public const string Population = "population";
    public const string CustomerMatches = "customer_matches";
    public const string Selection = "selection";
    public const string Kpi = "kpi";
    public const string RScore = "r_score";
    public const string FScore = "f_score";
    public const string MScore = "m_score";
    public const string RecencyBucket = "recency_bucket";
    public const string VisitsBucket = "visits_bucket";
    public const string SpendBucket = "spend_bucket";
    public const string ReturnPeriodBucket = "return_period_bucket";
    public const string Segment = "segment";
    public const string FiscalYear = "fiscal_year";

    /// <summary>The scripts that read the selection: each runs as WITH population, customer_matches, selection, then its SELECT.</summary>
    public static IReadOnlyList<string> Widgets { get; } =
        [Kpi, RScore, FScore, MScore, RecencyBucket, VisitsBucket, SpendBucket, ReturnPeriodBucket, Segment, FiscalYear];

    /// <summary>Every script a dashboard engine must provide.</summary>
    public static IReadOnlyList<string> All { get; } = [AsOfDate, Population, CustomerMatches, Selection, .. Widgets];
}
