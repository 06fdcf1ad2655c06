using System.ComponentModel;
using System.Text.Json.Serialization;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Domain.Figures;
using CampaignDashboard.Domain.FiscalYears;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The campaign dashboard: every widget of the contract for one request.</summary>
/// <remarks>
/// Each property is one widget's piece, filled by that widget (<see cref="Widgets.IDashboardWidget"/>) from an empty
/// dashboard. Immutable, so that the response cache hands out the same instance instead of a copy per hit.
/// </remarks>
[ImmutableObject(true)]
public sealed record DashboardDto
{
    public KpiDto Kpi { get; init; } = new(0, 0, 0, 0, 0, 0);

    public IReadOnlyList<ScoreItemDto> RScoreData { get; init; } = [];

    public IReadOnlyList<ScoreItemDto> FScoreData { get; init; } = [];

    public IReadOnlyList<ScoreItemDto> MScoreData { get; init; } = [];

    public IReadOnlyList<BucketItemDto> RValueBucketData { get; init; } = [];

    public IReadOnlyList<BucketItemDto> VisitsData { get; init; } = [];

    public IReadOnlyList<BucketItemDto> ValueData { get; init; } = [];

    public IReadOnlyList<BucketItemDto> DaysToReturnBucketData { get; init; } = [];

    public IReadOnlyList<SegmentItemDto> SegmentData { get; init; } = [];

    /// <summary>The R x F heatmap: 25 cells, R from 5 down to 1, and within it F from 5 down to 1.</summary>
    public IReadOnlyList<RfGridItemDto> RfGridData { get; init; } = [];

    public IReadOnlyList<FiscalYearItemDto> FiscalYearData { get; init; } = [];

    /// <summary>The compare window's KPIs and segments and the change of every KPI; absent without compare dates.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ComparisonDto? Comparison { get; init; }

    /// <summary>Who is about to lapse and what the selected customers are worth (contract section 10).</summary>
    public PredictionDto Prediction { get; init; } = PredictionDto.Unavailable("not computed");

    public DashboardMetaDto Meta { get; init; } =
        new(null, BuiltInSchemes.Contract.Name, ScoreMethod.Ntile.Name(), DashboardOptions.DefaultCurrency, null, null, false, FiscalCalendar.DefaultStartMonth);
}

/// <summary>Headline figures over the selected customers (<see cref="KpiTotals"/> defines each).</summary>
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

/// <summary>Customers of one segment, what they spent, their bills and the spend per bill (0 without bills).</summary>
public sealed record SegmentItemDto(string Label, long Customers, decimal Percentage, decimal Spending, long Bills, decimal AverageOrderValue);

/// <summary>Customers of one R x F cell, what they spent, and their average spend (0 when the cell is empty).</summary>
public sealed record RfGridItemDto(int RScore, int FScore, long Customers, decimal Percentage, decimal Spending, decimal AverageSpend);

/// <summary>New and returning customers active in one fiscal year.</summary>
public sealed record FiscalYearItemDto(
    string FiscalYear,
    long TotalCustomers,
    long NewCustomers,
    long OldCustomers,
    decimal NewCustomerPercentage,
    decimal OldCustomerPercentage);

/// <summary>
/// The dashboard's headline figures and segments over a second window (contract section 9), with its own population
/// and scores and its end as the as-of date; the same customer filters, scheme and method.
/// </summary>
/// <param name="KpiChange">Per KPI, the main window's reported value minus the compare window's.</param>
public sealed record ComparisonDto(ComparisonWindowDto Window, KpiDto Kpi, IReadOnlyList<SegmentItemDto> SegmentData, KpiDto KpiChange);

/// <summary>The compare window, inclusive.</summary>
public sealed record ComparisonWindowDto(DateOnly StartDate, DateOnly EndDate);

/// <summary>How the figures were computed, and what reading them needs.</summary>
/// <param name="AsOfDate">The date recency is measured from; null when there are no transactions.</param>
/// <param name="SegmentScheme">The segment scheme of segment_data (and of the segment filter).</param>
/// <param name="ScoreMethod">How the scores were cut: ntile (NTILE(5), ties split by customer id) or ties (equal values share a score).</param>
/// <param name="Currency">The ISO 4217 code of the currency of every amount (spending, profit, order values): Dashboard:Currency.</param>
/// <param name="FirstDate">The first transaction date of the whole data, whatever the filters; null without transactions.</param>
/// <param name="LastDate">The last transaction date of the whole data, whatever the filters; null without transactions.</param>
/// <param name="HasProfit">Whether any transaction of the data has a profit; false when the source has none (the UCI Online Retail import), so profit figures are 0 for want of data.</param>
/// <param name="FiscalYearStartMonth">The month (1-12) fiscal years start in: fiscal_year_data's years run from its first day.</param>
public sealed record DashboardMetaDto(
    DateOnly? AsOfDate,
    string SegmentScheme,
    string ScoreMethod,
    string Currency,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    bool HasProfit,
    int FiscalYearStartMonth);
