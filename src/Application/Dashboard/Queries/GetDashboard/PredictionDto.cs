namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Contract section 10's block: the fitted models and the forecast of the selected customers, or
/// <c>{available: false, reason}</c>. Every field is always sent (null where it does not apply), so that a typed client
/// reads the same shape either way. Sums are over the customers' reported (rounded) figures, so that they equal the sum
/// of the customers list's column.
/// </summary>
/// <param name="Available">Whether the models could be fitted at the as-of date.</param>
/// <param name="Reason">Why there is no prediction; null when there is one.</param>
/// <param name="Model">The fitted parameters (4 decimals) and the customers each model was fitted on.</param>
/// <param name="HorizonDays">The days ahead that expected visits and spend cover (Prediction:HorizonDays).</param>
/// <param name="ExpectedVisits">Expected repeat visit days of the selected customers within the horizon.</param>
/// <param name="ExpectedSpend">Their expected spend within the horizon.</param>
/// <param name="LikelyLapsedCustomers">Selected customers with p_alive below 0.5.</param>
/// <param name="BySegment">Per segment of the scheme in use: customers, mean p_alive (null when empty), expected spend.</param>
public sealed record PredictionDto(
    bool Available,
    string? Reason,
    PredictionModelDto? Model,
    int? HorizonDays,
    decimal? ExpectedVisits,
    decimal? ExpectedSpend,
    long? LikelyLapsedCustomers,
    IReadOnlyList<SegmentPredictionDto>? BySegment)
{
    public static PredictionDto Unavailable(string reason) => new(false, reason, null, null, null, null, null, null);
}

/// <summary>BG/NBD (r, alpha in days, a, b) and Gamma-Gamma (p, q, gamma) parameters, and the customers fitted.</summary>
public sealed record PredictionModelDto(
    decimal R, decimal Alpha, decimal A, decimal B, decimal P, decimal Q, decimal Gamma, long CustomersFitted, long CustomersFittedSpend);

/// <summary>One segment's selected customers, their mean probability of being alive and their expected spend.</summary>
public sealed record SegmentPredictionDto(string Label, long Customers, decimal? MeanPAlive, decimal ExpectedSpend);
