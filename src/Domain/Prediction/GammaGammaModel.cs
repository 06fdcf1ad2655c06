using MathNet.Numerics;

namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// The Gamma-Gamma model of spend per visit (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a
/// customer's spends are Gamma(p, nu) around a mean p / nu, with nu ~ Gamma(q, gamma) across customers, independent
/// of how often the customer visits. m is a customer's mean spend over x repeat visits.
/// </summary>
public sealed record GammaGammaModel
{
    public GammaGammaModel(double p, double q, double gamma)
    {
        P = Positive(p, nameof(p));
        Q = Positive(q, nameof(q));
        Gamma = Positive(gamma, nameof(gamma));
    }

    /// <summary>Shape of each spend.</summary>
    public double P { get; }

    /// <summary>Shape of the gamma distribution of nu across customers.</summary>
    public double Q { get; }

    /// <summary>Scale (a money amount) of the gamma distribution of nu across customers.</summary>
    public double Gamma { get; }

    /// <summary>The mean spend per visit of a customer we know nothing about, p * gamma / (q - 1); infinite for q &lt;= 1.</summary>
    public double MeanSpendPerVisit => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>
    /// The log-density of a mean spend m over x &gt;= 1 visits: ln Gamma(px + q) - ln Gamma(px) - ln Gamma(q)
    /// + q ln gamma + (px - 1) ln m + px ln x - (px + q) ln(gamma + m x).
    /// </summary>
    public double LogLikelihood(double x, double m)
    {
        Validate(x, m);
        var px = P * x;
        return SpecialFunctions.GammaLn(px + Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(Q)
            + Q * Math.Log(Gamma) + (px - 1) * Math.Log(m) + px * Math.Log(x) - (px + Q) * Math.Log(Gamma + m * x);
    }

    /// <summary>
    /// The expected spend per future visit: (p * (gamma + x * m)) / (p * x + q - 1) for x &gt;= 1 and m &gt; 0 (a
    /// weighted mean of the population mean and the customer's own), else <see cref="MeanSpendPerVisit"/>.
    /// </summary>
    public double ExpectedSpendPerVisit(double x, double m) =>
        x >= 1 && m > 0 && double.IsFinite(x) && double.IsFinite(m)
            ? P * (Gamma + x * m) / (P * x + Q - 1)
            : MeanSpendPerVisit;

    /// <summary>x &gt;= 1 visits and a mean spend m &gt; 0, both finite.</summary>
    internal static void Validate(double x, double m)
    {
        if (!(x >= 1) || !double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Gamma-Gamma needs x >= 1 repeat visits.");
        }

        if (!(m > 0) || !double.IsFinite(m))
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, "Gamma-Gamma needs a finite mean spend m > 0.");
        }
    }

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Gamma-Gamma parameters are finite and positive.");
}
