using System.ComponentModel;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The campaign dashboard: every widget of the contract for one request.</summary>
/// <remarks>Immutable, so that the response cache hands out the same instance instead of a copy per hit.</remarks>
[ImmutableObject(true)]
public sealed record DashboardDto(
    KpiDto Kpi,
    IReadOnlyList<ScoreItemDto> RScoreData,
    IReadOnlyList<ScoreItemDto> FScoreData,
    IReadOnlyList<ScoreItemDto> MScoreData,
    IReadOnlyList<BucketItemDto> RValueBucketData,
    IReadOnlyList<BucketItemDto> VisitsData,
    IReadOnlyList<BucketItemDto> ValueData,
    IReadOnlyList<BucketItemDto> DaysToReturnBucketData,
    IReadOnlyList<SegmentItemDto> SegmentData,
    IReadOnlyList<FiscalYearItemDto> FiscalYearData,
    DashboardMetaDto Meta);

/// <summary>Headline figures over the selected customers.</summary>
/// <param name="TotalCustomer">Selected customers.</param>
/// <param name="UnitPerTransaction">Units per bill.</param>
/// <param name="ProfitPerCustomer">Profit per selected customer.</param>
/// <param name="CustomerSpending">Total spend.</param>
/// <param name="DaysToReturn">Mean days between consecutive visits of returning customers.</param>
/// <param name="RetentionRate">Percent of selected customers with two or more visits.</param>
public sealed record KpiDto(
    long TotalCustomer,
    decimal UnitPerTransaction,
    decimal ProfitPerCustomer,
    decimal CustomerSpending,
    decimal DaysToReturn,
    decimal RetentionRate);

/// <summary>Customers with one R, F or M score.</summary>
public sealed record ScoreItemDto(int Score, string Label, long Customers, decimal Percentage);

/// <summary>Customers in one bucket.</summary>
public sealed record BucketItemDto(string Label, long Customers, decimal Percentage);

/// <summary>Customers of one segment and what they spent.</summary>
public sealed record SegmentItemDto(string Label, long Customers, decimal Percentage, decimal Spending);

/// <summary>New and returning customers active in one fiscal year.</summary>
public sealed record FiscalYearItemDto(
    string FiscalYear,
    long TotalCustomers,
    long NewCustomers,
    long OldCustomers,
    decimal NewCustomerPercentage,
    decimal OldCustomerPercentage);

/// <summary>How the figures were computed.</summary>
/// <param name="AsOfDate">The date recency is measured from; null when there are no transactions.</param>
public sealed record DashboardMetaDto(DateOnly? AsOfDate);
