namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// The Gauss hypergeometric function 2F1(a, b; c; z) for real 0 &lt;= z &lt; 1 and c not 0, -1, -2, ..., which the BG/NBD
/// conditional expectation needs. MathNet.Numerics 5.0.0 has no usable 2F1 (its
/// <c>SpecialFunctions.GeneralizedHypergeometric</c> takes an integer z), so it is summed here as a power series.
/// </summary>
/// <remarks>
/// <para>
/// Method: the series sum over n of (a)_n (b)_n / ((c)_n n!) z^n, with Neumaier-compensated summation. When
/// c - a - b &lt; 0 the terms of that series grow like n^(a+b-c-1) before z^n wins, so Euler's transformation
/// 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c - a, c - b; c; z) is summed instead, whose terms decay like n^(c-a-b-1) z^n.
/// </para>
/// <para>
/// Stopping rule: after term n the remaining tail is bounded by |term| R / (1 - R), R = max(|next ratio|, z) (the ratio
/// of successive terms tends to z); summation stops when that bound is below 1e-16 of the sum, or throws
/// <see cref="ArithmeticException"/> after <see cref="MaximumTerms"/> terms (only for z above about 0.99999; in BG/NBD
/// z = t / (alpha + T + t), so that would take alpha + T under 1e-5 t).
/// </para>
/// <para>
/// Accuracy: relative error below 1e-12 for 0 &lt;= z &lt;= 0.99 and parameters of the size BG/NBD produces (tested
/// against closed forms: 2F1(1, 1; 2; z) = -ln(1 - z) / z, 2F1(1/2, 1/2; 3/2; z^2) = asin(z) / z,
/// 2F1(2, 2; 3; z) = 2 (z / (1 - z) + ln(1 - z)) / z^2 and 2F1(a, b; b; z) = (1 - z)^-a); typically a few units of
/// 1e-16. Parameters far below zero make the terms alternate and lose accuracy to cancellation; BG/NBD never has
/// them (after the transformation its parameters exceed -1 - r).
/// </para>
/// </remarks>
public static class GaussHypergeometric
{
    /// <summary>The most terms summed before giving up.</summary>
    public const int MaximumTerms = 2_000_000;

    private const double TailTolerance = 1e-16;

    /// <summary>2F1(a, b; c; z) for 0 &lt;= z &lt; 1 and c not 0, -1, -2, ...</summary>
    public static double Evaluate(double a, double b, double c, double z) => EvaluateScaled(a, b, c, z, 0);

    /// <summary>
    /// (1 - z)^s * 2F1(a, b; c; z), with the power folded into Euler's transformation so that a huge 2F1 and a tiny
    /// power (BG/NBD with many repeat visits) do not overflow and underflow separately.
    /// </summary>
    public static double EvaluateScaled(double a, double b, double c, double z, double s)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(s))
        {
            throw new ArgumentOutOfRangeException(nameof(a), "The parameters must be finite.");
        }

        // BG/NBD's c = a + b + x - 1 is negative for a customer without a repeat visit when a + b < 1.
        if (!double.IsFinite(c) || (c <= 0 && c == Math.Floor(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must not be zero or a negative whole number.");
        }

        if (!(z >= 0 && z < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be in [0, 1).");
        }

        if (z == 0)
        {
            return 1;
        }

        var excess = c - a - b;
        return excess < 0
            ? Math.Exp((s + excess) * Math.Log(1 - z)) * Series(c - a, c - b, c, z)
            : Math.Exp(s * Math.Log(1 - z)) * Series(a, b, c, z);
    }

    private static double Series(double a, double b, double c, double z)
    {
        double sum = 1, compensation = 0, term = 1;
        for (var n = 0; n < MaximumTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            var next = sum + term;
            compensation += Math.Abs(sum) >= Math.Abs(term) ? sum - next + term : term - next + sum;
            sum = next;
            if (term == 0)
            {
                break;
            }

            var ratio = Math.Max(Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z), z);
            if (ratio < 1 && Math.Abs(term) * ratio / (1 - ratio) <= TailTolerance * Math.Abs(sum + compensation))
            {
                return sum + compensation;
            }
        }

        if (term == 0)
        {
            return sum + compensation;
        }

        throw new ArithmeticException(
            $"2F1({a}, {b}; {c}; {z}) did not converge within {MaximumTerms} terms.");
    }
}
