namespace CampaignDashboard.Domain.Prediction;

/// <summary>Maximum-likelihood estimation of <see cref="GammaGammaModel"/>.</summary>
public static class GammaGammaFit
{
    /// <summary>
    /// Fits p, q, gamma to the customers' (x, m): x &gt;= 1 repeat visits and mean spend m &gt; 0 per repeat visit.
    /// </summary>
    /// <remarks>
    /// Maximises the summed log-density of m given x over ln p, ln q, ln(gamma / mean m) from p = 1, q = 2,
    /// gamma = mean m (a model mean equal to the data's) by BFGS with the analytic gradient (Nelder-Mead if BFGS fails).
    /// Not converged, rather than an exception, when there are no customers, the optimiser finds no interior maximum,
    /// or q &lt;= 1 (the model's mean spend, which the contract needs, would be infinite).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A customer with x &lt; 1 or m &lt;= 0, or a value not finite.</exception>
    public static FitResult<GammaGammaModel> Fit(IReadOnlyList<(double x, double m)> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var likelihood = GammaGammaLikelihood.Of(customers);
        var fitted = customers.Count;
        if (fitted == 0)
        {
            return FitResult<GammaGammaModel>.NotConverged(fitted, "no customer with a repeat visit and a positive spend");
        }

        var scale = likelihood.MeanM;
        var gradient = new double[3];
        double MeanLogLikelihood(double[] theta, double[] thetaGradient)
        {
            var (p, q, gamma) = (Math.Exp(theta[0]), Math.Exp(theta[1]), scale * Math.Exp(theta[2]));
            var value = likelihood.Evaluate(p, q, gamma, gradient);
            thetaGradient[0] = p * gradient[0] / likelihood.Customers;
            thetaGradient[1] = q * gradient[1] / likelihood.Customers;
            thetaGradient[2] = gamma * gradient[2] / likelihood.Customers;
            return value / likelihood.Customers;
        }

        var outcome = LogLikelihoodMaximiser.Maximise(MeanLogLikelihood, [0, Math.Log(2), 0]);
        if (!outcome.Converged)
        {
            return FitResult<GammaGammaModel>.NotConverged(fitted, outcome.Reason ?? "did not converge");
        }

        var theta = outcome.LogParameters;
        var model = new GammaGammaModel(Math.Exp(theta[0]), Math.Exp(theta[1]), scale * Math.Exp(theta[2]));
        return model.Q > 1
            ? new FitResult<GammaGammaModel>(model, outcome.MeanLogLikelihood * likelihood.Customers, fitted, null)
            : FitResult<GammaGammaModel>.NotConverged(fitted, $"q = {model.Q:G4} <= 1: the mean spend per visit is infinite");
    }
}
