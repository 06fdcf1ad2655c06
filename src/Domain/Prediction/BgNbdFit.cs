namespace CampaignDashboard.Domain.Prediction;

/// <summary>Maximum-likelihood estimation of <see cref="BgNbdModel"/>.</summary>
public static class BgNbdFit
{
    /// <summary>
    /// Fits r, alpha, a, b to customers' (x, t_x, T), all in one time unit. Identical triples are counted once with
    /// their multiplicity, so a million customers with integer days fit in about a second.
    /// </summary>
    /// <remarks>
    /// Maximises the summed log-likelihood of equation 6 over ln r, ln(alpha / mean T), ln a, ln b from zero (r = a = b = 1,
    /// alpha = mean T) by BFGS with the analytic gradient (Nelder-Mead if BFGS fails). Not converged, rather than an
    /// exception, when there are no customers, none with a repeat visit, or the optimiser stops without an interior
    /// maximum (a parameter running off towards 0 or infinity).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A customer with x not a whole number &gt;= 0, t_x &lt; 0, T &lt; t_x, or a value not finite.
    /// </exception>
    public static FitResult<BgNbdModel> Fit(IReadOnlyList<(double x, double tx, double T)> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var likelihood = BgNbdLikelihood.Of(customers);
        var fitted = customers.Count;
        if (fitted == 0)
        {
            return FitResult<BgNbdModel>.NotConverged(fitted, "no customers");
        }

        if (likelihood.RepeatCustomers == 0)
        {
            return FitResult<BgNbdModel>.NotConverged(fitted, "no customer has a repeat visit");
        }

        var scale = likelihood.MeanT > 0 ? likelihood.MeanT : 1;
        var gradient = new double[4];
        double MeanLogLikelihood(double[] theta, double[] thetaGradient)
        {
            var (r, alpha, a, b) = (Math.Exp(theta[0]), scale * Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));
            var value = likelihood.Evaluate(r, alpha, a, b, gradient);
            // d/d ln p = p * d/dp; the mean keeps the tolerances independent of the number of customers.
            thetaGradient[0] = r * gradient[0] / likelihood.Customers;
            thetaGradient[1] = alpha * gradient[1] / likelihood.Customers;
            thetaGradient[2] = a * gradient[2] / likelihood.Customers;
            thetaGradient[3] = b * gradient[3] / likelihood.Customers;
            return value / likelihood.Customers;
        }

        var outcome = LogLikelihoodMaximiser.Maximise(MeanLogLikelihood, new double[4]);
        if (!outcome.Converged)
        {
            return FitResult<BgNbdModel>.NotConverged(fitted, outcome.Reason ?? "did not converge");
        }

        var theta = outcome.LogParameters;
        var model = new BgNbdModel(Math.Exp(theta[0]), scale * Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));
        return new FitResult<BgNbdModel>(model, outcome.MeanLogLikelihood * likelihood.Customers, fitted, null);
    }
}
