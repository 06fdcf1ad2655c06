using CampaignDashboard.Application.Dashboard.Ports;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The widget query ports the dashboard fans out to, resolved together from the container.</summary>
public sealed record DashboardWidgetQueries(
    IAsOfDateQuery AsOfDate,
    IKpiQuery Kpi,
    IRecencyScoreQuery RecencyScores,
    IFrequencyScoreQuery FrequencyScores,
    IMonetaryScoreQuery MonetaryScores,
    IRecencyBucketQuery RecencyBuckets,
    IVisitBucketQuery VisitBuckets,
    ISpendBucketQuery SpendBuckets,
    IReturnPeriodBucketQuery ReturnPeriodBuckets,
    ISegmentQuery Segments,
    IFiscalYearQuery FiscalYears);
