using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Domain.Prediction;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.Application.Customers.Common;

/// <summary>One customer behind the numbers (contract section 6): who, its scores and segment, its measures over the window.</summary>
/// <param name="Segment">The segment of its (R, F, M) scores in the segment scheme of the request.</param>
/// <param name="RecencyDays">Days from its last purchase to the as-of date.</param>
/// <param name="Acquired">Its registration date, else its first transaction date in all the data.</param>
/// <param name="PAlive">Probability the customer is still active (section 10); null while prediction is unavailable.</param>
/// <param name="ExpectedVisits">Expected repeat visits over the prediction horizon; null while prediction is unavailable.</param>
/// <param name="ExpectedSpend">Expected spend over the prediction horizon; null while prediction is unavailable.</param>
/// <param name="PredictedClv">Expected spend discounted to the middle of the horizon; null while prediction is unavailable.</param>
public sealed record CustomerDto(
    long CustomerId,
    string? CustomerName,
    string? Mobile,
    int RScore,
    int FScore,
    int MScore,
    string Segment,
    long RecencyDays,
    long Visits,
    long Bills,
    long Units,
    decimal Spend,
    decimal Profit,
    DateOnly FirstPurchase,
    DateOnly LastPurchase,
    DateOnly Acquired,
    decimal? PAlive,
    decimal? ExpectedVisits,
    decimal? ExpectedSpend,
    decimal? PredictedClv)
{
    /// <summary>The response row of an engine's row: its segment in the scheme from its scores, money rounded, dates as dates.</summary>
    /// <summary>A row of the list with its segment in <paramref name="scheme"/> and its forecast, if any (section 10).</summary>
    public static CustomerDto From(CustomerRow row, SegmentScheme scheme, CustomerPredictions predictions) => From(row, scheme, predictions.Find(row.CustomerId));

    private static CustomerDto From(CustomerRow row, SegmentScheme scheme, CustomerForecast? forecast) => new(
        row.CustomerId,
        row.CustomerName,
        row.Mobile,
        row.RScore,
        row.FScore,
        row.MScore,
        scheme.Classify(row.RScore, row.FScore, row.MScore).Label,
        row.RecencyDays,
        row.Visits,
        row.Bills,
        row.Units,
        Metrics.Round(row.Spend),
        Metrics.Round(row.Profit),
        DateOnly.FromDateTime(row.FirstPurchase),
        DateOnly.FromDateTime(row.LastPurchase),
        DateOnly.FromDateTime(row.Acquired),
        forecast?.PAlive,
        forecast?.ExpectedVisits,
        forecast?.ExpectedSpend,
        forecast?.PredictedClv);
}
