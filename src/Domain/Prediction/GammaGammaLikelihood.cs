using MathNet.Numerics;

namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// The Gamma-Gamma log-likelihood summed over customers and its gradient, for the fit. Identical (x, m) pairs are one
/// row with a count; the terms in x alone are computed once per distinct x and those in ln m once, so a row costs one
/// log per evaluation.
/// </summary>
internal sealed class GammaGammaLikelihood
{
    private readonly double[] _xs;
    private readonly double[] _countByX;
    private readonly int[] _rowX;
    private readonly double[] _rowM;
    private readonly double[] _rowCount;

    /// <summary>Sum of count * ln m, and of count * x * ln m.</summary>
    private readonly double _sumLnM;
    private readonly double _sumXLnM;

    private GammaGammaLikelihood(double[] xs, int[] rowX, double[] rowM, double[] rowCount)
    {
        _xs = xs;
        _rowX = rowX;
        _rowM = rowM;
        _rowCount = rowCount;
        _countByX = new double[xs.Length];
        for (var i = 0; i < rowCount.Length; i++)
        {
            _countByX[rowX[i]] += rowCount[i];
            _sumLnM += rowCount[i] * Math.Log(rowM[i]);
            _sumXLnM += rowCount[i] * xs[rowX[i]] * Math.Log(rowM[i]);
        }

        Customers = rowCount.Sum();
        MeanM = Enumerable.Range(0, rowCount.Length).Sum(i => rowCount[i] * rowM[i]) / Math.Max(Customers, 1);
    }

    public double Customers { get; }

    public double MeanM { get; }

    public int Rows => _rowCount.Length;

    public static GammaGammaLikelihood Of(IEnumerable<(double x, double m)> customers)
    {
        var counts = new Dictionary<(double, double), int>();
        foreach (var (x, m) in customers)
        {
            GammaGammaModel.Validate(x, m);
            counts[(x, m)] = counts.GetValueOrDefault((x, m)) + 1;
        }

        var xs = counts.Keys.Select(k => k.Item1).Distinct().ToArray();
        var xIndex = xs.Select((x, j) => (x, j)).ToDictionary(p => p.x, p => p.j);
        var rowX = counts.Keys.Select(k => xIndex[k.Item1]).ToArray();
        var rowM = counts.Keys.Select(k => k.Item2).ToArray();
        var rowCount = counts.Values.Select(c => (double)c).ToArray();
        return new GammaGammaLikelihood(xs, rowX, rowM, rowCount);
    }

    /// <summary>
    /// The summed log-likelihood at (p, q, gamma); its partial derivatives with respect to p, q and gamma go to
    /// <paramref name="gradient"/> (length 3).
    /// </summary>
    public double Evaluate(double p, double q, double gamma, Span<double> gradient)
    {
        var lnGamma = Math.Log(gamma);
        var gammaLnQ = SpecialFunctions.GammaLn(q);
        var digammaQ = SpecialFunctions.DiGamma(q);

        // Terms in x alone, and p * sum(x ln m) - sum(ln m) for (px - 1) ln m.
        double sum = p * _sumXLnM - _sumLnM, gp = _sumXLnM, gq = 0, gGamma = 0;
        for (var k = 0; k < _xs.Length; k++)
        {
            var x = _xs[k];
            var n = _countByX[k];
            var px = p * x;
            var digammaPxQ = SpecialFunctions.DiGamma(px + q);
            sum += n * (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - gammaLnQ + q * lnGamma + px * Math.Log(x));
            gp += n * x * (digammaPxQ - SpecialFunctions.DiGamma(px) + Math.Log(x));
            gq += n * (digammaPxQ - digammaQ + lnGamma);
            gGamma += n * q / gamma;
        }

        // -(px + q) ln(gamma + m x), row by row.
        for (var i = 0; i < _rowCount.Length; i++)
        {
            var x = _xs[_rowX[i]];
            var n = _rowCount[i];
            var denominator = gamma + _rowM[i] * x;
            var lnDenominator = Math.Log(denominator);
            var weight = p * x + q;
            sum -= n * weight * lnDenominator;
            gp -= n * x * lnDenominator;
            gq -= n * lnDenominator;
            gGamma -= n * weight / denominator;
        }

        gradient[0] = gp;
        gradient[1] = gq;
        gradient[2] = gGamma;
        return sum;
    }
}
