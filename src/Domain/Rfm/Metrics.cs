namespace CampaignDashboard.Domain.Rfm;

/// <summary>How the dashboard turns exact totals into reported numbers.</summary>
public static class Metrics
{
    /// <summary>Every reported decimal: 2 places, half away from zero (as an analyst rounds, not banker's rounding).</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>numerator / denominator rounded; 0 when there is nothing to divide by.</summary>
    public static decimal Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? 0 : Round(numerator / denominator);

    /// <summary>The share of <paramref name="part"/> in <paramref name="total"/>, in percent; 0 for an empty total.</summary>
    public static decimal Percentage(long part, long total) => Ratio(100m * part, total);
}
