using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.Application.Prediction;

/// <summary>A row of prediction_inputs.sql: one customer's history at the as-of date, in days (contract section 10).</summary>
public sealed class PredictionInput
{
    public const string Script = "prediction_inputs";

    public long CustomerId { get; init; }

    public int X { get; init; }

    public int Tx { get; init; }

    public int T { get; init; }

    /// <summary>Mean spend of the repeat visit days; null without one.</summary>
    public double? M { get; init; }

    public CustomerHistory History => new(X, Tx, T, M);
}
