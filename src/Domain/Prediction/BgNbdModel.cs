using MathNet.Numerics;

namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// The BG/NBD model of repeat visits (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while
/// alive a customer visits as a Poisson process of rate lambda ~ Gamma(r, alpha); after each repeat visit the customer
/// drops out for good with probability p ~ Beta(a, b). Times (t_x, T, t) are in whatever unit the model was fitted in
/// (alpha carries that unit); x is the number of repeat visits, t_x the time of the last one since the first visit,
/// T the time since the first visit.
/// </summary>
public sealed record BgNbdModel
{
    /// <summary>Just under and over a = 1, where equation 10 is 0/0; see <see cref="ExpectedVisits"/>.</summary>
    private const double NearOne = 1e-6;

    public BgNbdModel(double r, double alpha, double a, double b)
    {
        R = Positive(r, nameof(r));
        Alpha = Positive(alpha, nameof(alpha));
        A = Positive(a, nameof(a));
        B = Positive(b, nameof(b));
    }

    /// <summary>Shape of the gamma distribution of visit rates.</summary>
    public double R { get; }

    /// <summary>Scale (a time) of the gamma distribution of visit rates: rates have mean r / alpha.</summary>
    public double Alpha { get; }

    /// <summary>First shape of the beta distribution of dropout probabilities.</summary>
    public double A { get; }

    /// <summary>Second shape of the beta distribution of dropout probabilities.</summary>
    public double B { get; }

    /// <summary>
    /// The log of one customer's likelihood (equation 6): with A1 = ln B(a, b + x) - ln B(a, b) - (r + x) ln(alpha + T)
    /// and, for x &gt; 0, A2 = ln B(a + 1, b + x - 1) - ln B(a, b) - (r + x) ln(alpha + t_x),
    /// ln Gamma(r + x) - ln Gamma(r) + r ln alpha + ln(e^A1 + e^A2), the sum taken as a log-sum-exp.
    /// </summary>
    public double LogLikelihood(double x, double tx, double T)
    {
        Validate(x, tx, T);
        var rx = R + x;
        var common = SpecialFunctions.GammaLn(rx) - SpecialFunctions.GammaLn(R) + R * Math.Log(Alpha);
        var betaAb = SpecialFunctions.BetaLn(A, B);
        var stillAlive = SpecialFunctions.BetaLn(A, B + x) - betaAb - rx * Math.Log(Alpha + T);
        if (x == 0)
        {
            return common + stillAlive;
        }

        var droppedOut = SpecialFunctions.BetaLn(A + 1, B + x - 1) - betaAb - rx * Math.Log(Alpha + tx);
        return common + LogSumExp(stillAlive, droppedOut);
    }

    /// <summary>
    /// The probability that the customer is still alive at T: 1 for x = 0, else
    /// 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x))^(r + x)), the power taken in log space (so it is
    /// 0, not NaN, when the odds overflow).
    /// </summary>
    public double PAlive(double x, double tx, double T)
    {
        Validate(x, tx, T);
        return x == 0 ? 1 : 1 / (1 + Math.Exp(LogDeathOdds(x, tx, T)));
    }

    /// <summary>
    /// The expected number of repeat visits in (T, T + t] given x, t_x and T (equation 10), t = <paramref name="horizon"/>:
    /// ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t))^(r + x) * 2F1(r + x, b + x; a + b + x - 1;
    /// t / (alpha + T + t))) / (1 + [x &gt; 0] (a / (b + x - 1)) ((alpha + T) / (alpha + t_x))^(r + x)).
    /// </summary>
    /// <remarks>
    /// The power and the 2F1 are computed together by <see cref="GaussHypergeometric.EvaluateScaled"/>, so the result
    /// is as accurate as the series (about 1e-13 relative), except where 1 - power * 2F1 cancels: for a within 1e-6 of
    /// 1, where equation 10 is 0/0, the value is interpolated linearly between a = 1 -/+ 1e-6 (the function is smooth in
    /// a; about 1e-9 relative), and for horizons t much shorter than alpha + T (relative error about 1e-16 (alpha + T) / t).
    /// </remarks>
    public double ExpectedVisits(double horizon, double x, double tx, double T)
    {
        Validate(x, tx, T);
        if (!(horizon >= 0) || !double.IsFinite(horizon))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be a finite time >= 0.");
        }

        if (horizon == 0)
        {
            return 0;
        }

        double aliveExpectation;
        if (Math.Abs(A - 1) < NearOne)
        {
            var below = ExpectedVisitsIfAlive(1 - NearOne, horizon, x, T);
            var above = ExpectedVisitsIfAlive(1 + NearOne, horizon, x, T);
            aliveExpectation = below + (A - (1 - NearOne)) / (2 * NearOne) * (above - below);
        }
        else
        {
            aliveExpectation = ExpectedVisitsIfAlive(A, horizon, x, T);
        }

        return x == 0 ? aliveExpectation : aliveExpectation / (1 + Math.Exp(LogDeathOdds(x, tx, T)));
    }

    /// <summary>The numerator of equation 10 (the expectation given alive at T), with a given in place of A.</summary>
    private double ExpectedVisitsIfAlive(double a, double horizon, double x, double T)
    {
        var z = horizon / (Alpha + T + horizon);
        var c = a + B + x - 1;
        var poweredSeries = GaussHypergeometric.EvaluateScaled(R + x, B + x, c, z, R + x);
        return c / (a - 1) * (1 - poweredSeries);
    }

    /// <summary>ln((a / (b + x - 1)) * ((alpha + T) / (alpha + t_x))^(r + x)), for x &gt; 0.</summary>
    private double LogDeathOdds(double x, double tx, double T) =>
        Math.Log(A / (B + x - 1)) + (R + x) * (Math.Log(Alpha + T) - Math.Log(Alpha + tx));

    internal static double LogSumExp(double first, double second)
    {
        var (high, low) = first >= second ? (first, second) : (second, first);
        return high + Math.Log(1 + Math.Exp(low - high));
    }

    /// <summary>x a whole number &gt;= 0, 0 &lt;= t_x &lt;= T, all finite.</summary>
    internal static void Validate(double x, double tx, double T)
    {
        if (!(x >= 0) || !double.IsFinite(x) || x != Math.Floor(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Repeat visits must be a whole number >= 0.");
        }

        if (!(tx >= 0) || !double.IsFinite(tx))
        {
            throw new ArgumentOutOfRangeException(nameof(tx), tx, "Recency must be a finite time >= 0.");
        }

        if (!(T >= tx) || !double.IsFinite(T))
        {
            throw new ArgumentOutOfRangeException(nameof(T), T, "The customer's age T must be finite and >= t_x.");
        }
    }

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "BG/NBD parameters are finite and positive.");
}
