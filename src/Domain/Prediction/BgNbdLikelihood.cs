using MathNet.Numerics;

namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// The BG/NBD log-likelihood summed over customers and its gradient, for the fit. Customers with the same (x, t_x, T)
/// are one row with a count; everything that depends on x alone (log-gammas, digammas) is computed once per distinct x,
/// and ln(alpha + T), ln(alpha + t_x) once per distinct T and t_x, so a row costs one exp and one log.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private readonly double[] _xs;
    private readonly double[] _ts;
    private readonly double[] _txs;
    private readonly int[] _rowX;
    private readonly int[] _rowT;
    private readonly int[] _rowTx;
    private readonly double[] _rowCount;
    private readonly double[] _countByX;

    /// <summary>The index of x = 0 in the distinct x values, or -1.</summary>
    private readonly int _zeroX;

    private BgNbdLikelihood(
        double[] xs, double[] ts, double[] txs, int[] rowX, int[] rowT, int[] rowTx, double[] rowCount)
    {
        _xs = xs;
        _ts = ts;
        _txs = txs;
        _rowX = rowX;
        _rowT = rowT;
        _rowTx = rowTx;
        _rowCount = rowCount;
        _zeroX = Array.IndexOf(xs, 0.0);
        _countByX = new double[xs.Length];
        for (var i = 0; i < rowCount.Length; i++)
        {
            _countByX[rowX[i]] += rowCount[i];
        }

        Customers = rowCount.Sum();
        RepeatCustomers = Enumerable.Range(0, rowCount.Length).Where(i => xs[rowX[i]] > 0).Sum(i => rowCount[i]);
        MeanT = Enumerable.Range(0, rowCount.Length).Sum(i => rowCount[i] * ts[rowT[i]]) / Math.Max(Customers, 1);
    }

    public double Customers { get; }

    public double RepeatCustomers { get; }

    public double MeanT { get; }

    public int Rows => _rowCount.Length;

    /// <summary>Aggregates identical (x, t_x, T) triples, after validating each.</summary>
    public static BgNbdLikelihood Of(IReadOnlyList<(double x, double tx, double T)> customers)
    {
        // Sorting by (x, T, t_x) groups identical triples (counted in one pass) and leaves the rows in an order that
        // reads the tables sequentially.
        var keys = new (double X, double T, double Tx)[customers.Count];
        for (var c = 0; c < keys.Length; c++)
        {
            var (x, tx, T) = customers[c];
            BgNbdModel.Validate(x, tx, T);
            keys[c] = (x, T, tx);
        }

        Array.Sort(keys);
        var rows = new List<((double X, double T, double Tx) Key, int Count)>();
        for (var c = 0; c < keys.Length; c++)
        {
            if (rows.Count > 0 && rows[^1].Key == keys[c])
            {
                rows[^1] = (keys[c], rows[^1].Count + 1);
            }
            else
            {
                rows.Add((keys[c], 1));
            }
        }

        var xIndex = Distinct(rows.Select(row => row.Key.X), out var xs);
        var tIndex = Distinct(rows.Select(row => row.Key.T), out var ts);
        var txIndex = Distinct(rows.Select(row => row.Key.Tx), out var txs);
        var rowX = rows.Select(row => xIndex[row.Key.X]).ToArray();
        var rowT = rows.Select(row => tIndex[row.Key.T]).ToArray();
        var rowTx = rows.Select(row => txIndex[row.Key.Tx]).ToArray();
        var rowCount = rows.Select(row => (double)row.Count).ToArray();
        return new BgNbdLikelihood(xs, ts, txs, rowX, rowT, rowTx, rowCount);
    }

    /// <summary>
    /// The summed log-likelihood at (r, alpha, a, b); its partial derivatives with respect to r, alpha, a and b go to
    /// <paramref name="gradient"/> (length 4).
    /// </summary>
    public double Evaluate(double r, double alpha, double a, double b, Span<double> gradient)
    {
        // Per distinct x: the terms of equation 6 that do not involve T or t_x, and the pieces of the derivatives.
        var nx = _xs.Length;
        var common = new double[nx];
        var stillAlive = new double[nx];
        var droppedOut = new double[nx];
        var dCommonR = new double[nx];
        var dA = new double[nx];
        var dB = new double[nx];
        var dBAlive = new double[nx];
        var dBDropped = new double[nx];
        var lnAlpha = Math.Log(alpha);
        var betaAb = SpecialFunctions.BetaLn(a, b);
        var digammaR = SpecialFunctions.DiGamma(r);
        var digammaAb = SpecialFunctions.DiGamma(a + b);
        var digammaB = SpecialFunctions.DiGamma(b);
        var gammaLnA = SpecialFunctions.GammaLn(a);
        for (var k = 0; k < nx; k++)
        {
            var x = _xs[k];
            var gammaLnAbx = SpecialFunctions.GammaLn(a + b + x);
            var digammaAbx = SpecialFunctions.DiGamma(a + b + x);
            common[k] = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + r * lnAlpha;
            dCommonR[k] = SpecialFunctions.DiGamma(r + x) - digammaR + lnAlpha;
            stillAlive[k] = gammaLnA + SpecialFunctions.GammaLn(b + x) - gammaLnAbx - betaAb;
            dA[k] = digammaAb - digammaAbx;
            dB[k] = digammaAb - digammaAbx - digammaB;
            dBAlive[k] = SpecialFunctions.DiGamma(b + x);
            if (x > 0)
            {
                droppedOut[k] = SpecialFunctions.GammaLn(a + 1) + SpecialFunctions.GammaLn(b + x - 1) - gammaLnAbx - betaAb;
                dBDropped[k] = SpecialFunctions.DiGamma(b + x - 1);
            }
        }

        var lnT = LogsAndInverses(_ts, alpha, out var invT);
        var lnTx = LogsAndInverses(_txs, alpha, out var invTx);

        // The parts of each customer's log-likelihood and gradient that depend on x alone, summed by x.
        double sum = 0, gr = 0, gAlpha = Customers * r / alpha, ga = 0, gb = 0;
        for (var k = 0; k < nx; k++)
        {
            sum += _countByX[k] * common[k];
            gr += _countByX[k] * dCommonR[k];
            ga += _countByX[k] * dA[k];
            gb += _countByX[k] * dB[k];
        }

        // Row by row: the log-sum-exp of the two terms of equation 6 and its weights. Rows are sorted by x, with the
        // customers without a repeat visit (one term only) first.
        double gaDropped = 0;
        for (var i = 0; i < _rowCount.Length; i++)
        {
            var k = _rowX[i];
            var n = _rowCount[i];
            var rx = r + _xs[k];
            var lt = lnT[_rowT[i]];
            var aliveTerm = stillAlive[k] - rx * lt;
            if (k == _zeroX)
            {
                sum += n * aliveTerm;
                gr -= n * lt;
                gAlpha -= n * rx * invT[_rowT[i]];
                gb += n * dBAlive[k];
                continue;
            }

            var ltx = lnTx[_rowTx[i]];
            var droppedTerm = droppedOut[k] - rx * ltx;
            var difference = droppedTerm - aliveTerm;
            var e = Math.Exp(-Math.Abs(difference));
            var share = 1 / (1 + e);
            var droppedWins = difference > 0;
            var wDropped = droppedWins ? share : e * share;
            var wAlive = 1 - wDropped;
            sum += n * ((droppedWins ? droppedTerm : aliveTerm) + Math.Log(1 + e));
            gr -= n * (wAlive * lt + wDropped * ltx);
            gAlpha -= n * rx * (wAlive * invT[_rowT[i]] + wDropped * invTx[_rowTx[i]]);
            gaDropped += n * wDropped;
            gb += n * (wAlive * dBAlive[k] + wDropped * dBDropped[k]);
        }

        ga += gaDropped / a;
        gradient[0] = gr;
        gradient[1] = gAlpha;
        gradient[2] = ga;
        gradient[3] = gb;
        return sum;
    }

    private static double[] LogsAndInverses(double[] times, double alpha, out double[] inverses)
    {
        var logs = new double[times.Length];
        inverses = new double[times.Length];
        for (var j = 0; j < times.Length; j++)
        {
            logs[j] = Math.Log(alpha + times[j]);
            inverses[j] = 1 / (alpha + times[j]);
        }

        return logs;
    }

    private static Dictionary<double, int> Distinct(IEnumerable<double> values, out double[] distinct)
    {
        var index = new Dictionary<double, int>();
        foreach (var value in values)
        {
            index.TryAdd(value, index.Count);
        }

        distinct = new double[index.Count];
        foreach (var (value, j) in index)
        {
            distinct[j] = value;
        }

        return index;
    }
}
