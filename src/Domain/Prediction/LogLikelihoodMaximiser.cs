using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Optimization;

namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// Maximises a mean log-likelihood over log-parameters (so the parameters stay positive) with MathNet.Numerics' BFGS
/// and the analytic gradient, falling back to its Nelder-Mead simplex when BFGS gives up. Failure is an outcome, never
/// an exception.
/// </summary>
internal static class LogLikelihoodMaximiser
{
    /// <summary>
    /// The likelihood is evaluated for log-parameters within this (|ln p| &lt;= 25, alpha and gamma relative to the data's
    /// mean T and mean spend); beyond it is a wall pushing back towards the start, which no answer passes as flat.
    /// </summary>
    private const double SearchBound = 25;

    /// <summary>The negated mean log-likelihood reported where it cannot be evaluated.</summary>
    private const double WallHeight = 1e10;

    /// <summary>How flat the mean log-likelihood must be at the answer (per log-parameter).</summary>
    private const double AcceptedGradient = 1e-5;

    /// <summary>How curved the mean log-likelihood must be at the answer, in its flattest direction.</summary>
    private const double AcceptedCurvature = 1e-6;

    // The simplex's budget: enough for four parameters from any start BFGS failed from; at a million customers an
    // iteration costs tens of milliseconds, so a fit that cannot converge gives up in seconds, not minutes.
    private const int SimplexIterations = 1_000;

    /// <param name="meanLogLikelihood">
    /// The mean log-likelihood at log-parameters theta; its gradient with respect to theta goes to the span.
    /// </param>
    /// <param name="start">The starting log-parameters.</param>
    public static Outcome Maximise(Func<double[], double[], double> meanLogLikelihood, double[] start)
    {
        var dimension = start.Length;
        (double, Vector<double>) NegatedWithGradient(Vector<double> theta)
        {
            var gradient = new double[dimension];
            var value = Within(theta, SearchBound) ? meanLogLikelihood(theta.ToArray(), gradient) : double.NaN;
            if (!double.IsFinite(value) || gradient.Any(g => !double.IsFinite(g)))
            {
                // Outside the region where the likelihood can be evaluated: a steep wall back towards the start.
                var wall = theta - Vector<double>.Build.DenseOfArray(start);
                return (WallHeight + wall.L2Norm(), wall);
            }

            return (-value, -Vector<double>.Build.DenseOfArray(gradient));
        }

        var objective = ObjectiveFunction.Gradient(NegatedWithGradient);
        var initial = Vector<double>.Build.DenseOfArray(start);
        try
        {
            var result = new BfgsMinimizer(1e-9, 1e-12, 1e-14, 200).FindMinimum(objective, initial);
            var outcome = Judge(result.MinimizingPoint, NegatedWithGradient, "BFGS", result.ReasonForExit);
            if (outcome.Converged)
            {
                return outcome;
            }
        }
        catch (Exception e) when (e is OptimizationException or NonConvergenceException or ArithmeticException)
        {
            // Fall through to the simplex.
        }

        try
        {
            var simplex = new NelderMeadSimplex(1e-12, SimplexIterations)
                .FindMinimum(ObjectiveFunction.Value(theta => NegatedWithGradient(theta).Item1), initial);
            return Judge(simplex.MinimizingPoint, NegatedWithGradient, "Nelder-Mead", simplex.ReasonForExit);
        }
        catch (Exception e) when (e is OptimizationException or NonConvergenceException or ArithmeticException)
        {
            return new Outcome(start, double.NaN, false, "the optimiser did not converge: " + e.Message);
        }
    }

    private static Outcome Judge(
        Vector<double> theta, Func<Vector<double>, (double, Vector<double>)> negated, string method, ExitCondition exit)
    {
        var (value, gradient) = negated(theta);
        var point = theta.ToArray();
        if (value >= WallHeight)
        {
            return new Outcome(point, double.NaN, false, $"{method}: the likelihood cannot be evaluated there");
        }

        if (exit is ExitCondition.ExceedIterations or ExitCondition.InvalidValues or ExitCondition.ManuallyStopped)
        {
            return new Outcome(point, -value, false, $"{method}: stopped without converging ({exit})");
        }

        if (gradient.InfinityNorm() > AcceptedGradient)
        {
            return new Outcome(point, -value, false, $"{method}: stopped where the likelihood is not flat ({exit})");
        }

        var curvature = SmallestCurvature(theta, negated);
        return curvature < AcceptedCurvature
            ? new Outcome(point, -value, false, $"{method}: the likelihood is flat in some direction (curvature {curvature:G3}): no interior maximum")
            : new Outcome(point, -value, true, null);
    }

    /// <summary>
    /// The smallest eigenvalue of the Hessian of the negated mean log-likelihood at theta, by central differences of
    /// the analytic gradient: clearly positive at an interior maximum, about zero where the optimiser stopped on a
    /// ridge running off to a boundary (a parameter going to 0 or infinity without changing the likelihood).
    /// </summary>
    private static double SmallestCurvature(Vector<double> theta, Func<Vector<double>, (double, Vector<double>)> negated)
    {
        const double step = 1e-4;
        var n = theta.Count;
        var hessian = Matrix<double>.Build.Dense(n, n);
        for (var j = 0; j < n; j++)
        {
            var up = theta.Clone();
            var down = theta.Clone();
            up[j] += step;
            down[j] -= step;
            hessian.SetColumn(j, (negated(up).Item2 - negated(down).Item2) / (2 * step));
        }

        var symmetric = (hessian + hessian.Transpose()) / 2;
        return symmetric.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
    }

    private static bool Within(Vector<double> theta, double bound) => theta.All(t => double.IsFinite(t) && Math.Abs(t) <= bound);

    /// <param name="LogParameters">The log-parameters reached.</param>
    /// <param name="MeanLogLikelihood">The mean log-likelihood there (NaN when it could not be evaluated).</param>
    /// <param name="Reason">Why it did not converge; null when it did.</param>
    internal sealed record Outcome(double[] LogParameters, double MeanLogLikelihood, bool Converged, string? Reason);
}
