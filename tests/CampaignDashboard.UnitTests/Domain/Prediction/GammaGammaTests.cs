using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

public sealed class GammaGammaTests
{
    private static readonly Lazy<IReadOnlyList<(double x, double m)>> RepeatBuyers = new(() =>
        CdnowData.CustomersWithSpend().Where(c => c.x >= 1 && c.zbar > 0).Select(c => (c.x, c.zbar)).ToArray());

    [Test]
    public void The_CDNOW_fit_reproduces_the_published_estimates()
    {
        // Fader & Hardie (2013): p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat buyers.
        var fit = GammaGammaFit.Fit(RepeatBuyers.Value);

        Assert.That(fit.Converged, Is.True, fit.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Customers, Is.EqualTo(946));
            Assert.That(fit.Model!.P, Is.EqualTo(6.25).Within(1).Percent);
            Assert.That(fit.Model.Q, Is.EqualTo(3.74).Within(1).Percent);
            Assert.That(fit.Model.Gamma, Is.EqualTo(15.44).Within(1).Percent);
            Assert.That(fit.LogLikelihood, Is.EqualTo(RepeatBuyers.Value.Sum(c => fit.Model.LogLikelihood(c.x, c.m))).Within(1e-7));
        });
    }

    [Test]
    public void Expected_spend_per_visit_matches_Hardies_spreadsheet_for_the_first_ten_customers()
    {
        // lifetimes' test against http://brucehardie.com/notes/025/ with p = 6.25, q = 3.74, gamma = 15.44; customers
        // without a repeat purchase (zbar = 0) get the model mean.
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        double[] expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
        var firstTen = CdnowData.CustomersWithSpend().Take(10).ToArray();

        for (var i = 0; i < 10; i++)
        {
            Assert.That(model.ExpectedSpendPerVisit(firstTen[i].x, firstTen[i].zbar), Is.EqualTo(expected[i]).Within(0.1), $"customer {i + 1}");
        }
    }

    [Test]
    public void Expected_spend_per_visit_at_hand_computed_points()
    {
        // p = 2, q = 3, gamma = 4: x = 1, m = 10 gives 2 (4 + 10) / (2 + 3 - 1) = 7; no history gives 2 * 4 / 2 = 4.
        var model = new GammaGammaModel(2, 3, 4);
        Assert.Multiple(() =>
        {
            Assert.That(model.ExpectedSpendPerVisit(1, 10), Is.EqualTo(7).Within(1e-14));
            Assert.That(model.ExpectedSpendPerVisit(0, 0), Is.EqualTo(4).Within(1e-14));
            Assert.That(model.ExpectedSpendPerVisit(3, 0), Is.EqualTo(4).Within(1e-14));
            Assert.That(model.MeanSpendPerVisit, Is.EqualTo(4).Within(1e-14));
        });
    }

    [Test]
    public void Log_likelihood_at_a_hand_computed_point()
    {
        // p = q = gamma = 1, x = 1, m = 1: Gamma(2) / (Gamma(1) Gamma(1)) * 1^1 * 1^0 * 1^1 / (1 + 1)^2 = 1/4.
        Assert.That(new GammaGammaModel(1, 1, 1).LogLikelihood(1, 1), Is.EqualTo(Math.Log(0.25)).Within(1e-14));
    }

    [Test]
    public void No_customers_is_not_converged()
    {
        var fit = GammaGammaFit.Fit([]);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.False);
            Assert.That(fit.Model, Is.Null);
        });
    }

    [Test]
    public void Everyone_spending_the_same_is_not_converged()
    {
        // Identical means: the likelihood grows without bound as the spend distribution collapses onto the value.
        var fit = GammaGammaFit.Fit(Enumerable.Repeat((2.0, 25.0), 300).ToArray());
        Assert.That(fit.Converged, Is.False, $"{fit.Model}");
    }

    [Test]
    public void A_fit_with_q_at_most_one_is_not_converged()
    {
        // Spends drawn from the model with q = 0.8: the maximum is interior, but the model's mean spend per visit
        // p * gamma / (q - 1), which the contract needs, does not exist.
        var random = new Random(2013);
        var customers = Enumerable.Range(0, 3000).Select(i =>
        {
            var x = 1.0 + i % 5;
            var nu = MathNet.Numerics.Distributions.Gamma.Sample(random, 0.8, 15);
            return (x, MathNet.Numerics.Distributions.Gamma.Sample(random, 6 * x, nu * x));
        }).ToArray();

        var fit = GammaGammaFit.Fit(customers);

        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.False, $"{fit.Model}");
            Assert.That(fit.Reason, Does.Contain("<= 1"));
        });
    }

    [Test]
    public void Spends_too_large_to_evaluate_are_not_converged()
    {
        // gamma + m x overflows to infinity: the likelihood cannot be evaluated anywhere, not even at the start.
        var fit = GammaGammaFit.Fit(Enumerable.Range(0, 200).Select(i => (2.0, 1e308 / (1 + i % 3))).ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.False, $"{fit.Model}");
            Assert.That(fit.Reason, Does.Contain("cannot be evaluated"));
        });
    }

    [TestCase(0, 10)]
    [TestCase(1, 0)]
    [TestCase(1, double.PositiveInfinity)]
    public void A_customer_outside_the_model_is_an_argument_error(double x, double m) =>
        Assert.That(() => GammaGammaFit.Fit([(x, m)]), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
