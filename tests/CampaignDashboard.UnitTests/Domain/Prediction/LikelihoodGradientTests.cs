using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

/// <summary>
/// The fits' analytic gradients against central finite differences of their own values: a wrong gradient would still
/// fit (the Nelder-Mead fallback needs none) but slowly, so it is checked here directly. The sums are of order 1e4,
/// so the differences carry noise of about 1e-4; a wrong term is off by far more than the 1e-3 allowed.
/// </summary>
public sealed class LikelihoodGradientTests
{
    [TestCase(0.5, 10.0, 1.5, 4.0)]
    [TestCase(0.243, 4.414, 0.793, 2.426)]
    public void The_BG_NBD_gradient_is_the_derivative_of_the_log_likelihood(double r, double alpha, double a, double b)
    {
        var likelihood = BgNbdLikelihood.Of(CdnowData.CustomersInWeeks());
        var gradient = new double[4];
        var value = likelihood.Evaluate(r, alpha, a, b, gradient);
        double[] point = [r, alpha, a, b];

        // The summed log-likelihood equals the per-customer model's.
        var model = new BgNbdModel(r, alpha, a, b);
        Assert.That(value, Is.EqualTo(CdnowData.CustomersInWeeks().Sum(c => model.LogLikelihood(c.x, c.tx, c.T))).Within(1e-7));
        for (var j = 0; j < 4; j++)
        {
            var h = 1e-5 * point[j];
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[j] += h;
            down[j] -= h;
            var numeric = (likelihood.Evaluate(up[0], up[1], up[2], up[3], new double[4])
                - likelihood.Evaluate(down[0], down[1], down[2], down[3], new double[4])) / (2 * h);
            Assert.That(gradient[j], Is.EqualTo(numeric).Within(1e-3 + 1e-6 * Math.Abs(numeric)), $"parameter {j}");
        }
    }

    [TestCase(2.0, 5.0, 10.0)]
    [TestCase(6.25, 3.74, 15.44)]
    public void The_Gamma_Gamma_gradient_is_the_derivative_of_the_log_likelihood(double p, double q, double gamma)
    {
        var customers = CdnowData.CustomersWithSpend().Where(c => c.x >= 1).Select(c => (c.x, c.zbar)).ToArray();
        var likelihood = GammaGammaLikelihood.Of(customers);
        var gradient = new double[3];
        var value = likelihood.Evaluate(p, q, gamma, gradient);
        double[] point = [p, q, gamma];

        var model = new GammaGammaModel(p, q, gamma);
        Assert.That(value, Is.EqualTo(customers.Sum(c => model.LogLikelihood(c.x, c.zbar))).Within(1e-7));
        for (var j = 0; j < 3; j++)
        {
            var h = 1e-5 * point[j];
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[j] += h;
            down[j] -= h;
            var numeric = (likelihood.Evaluate(up[0], up[1], up[2], new double[3])
                - likelihood.Evaluate(down[0], down[1], down[2], new double[3])) / (2 * h);
            Assert.That(gradient[j], Is.EqualTo(numeric).Within(1e-3 + 1e-6 * Math.Abs(numeric)), $"parameter {j}");
        }
    }
}
