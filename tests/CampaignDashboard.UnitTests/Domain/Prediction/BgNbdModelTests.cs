using CampaignDashboard.Domain.Prediction;
using MathNet.Numerics;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

public sealed class BgNbdModelTests
{
    /// <summary>The paper's estimates on CDNOW (weeks).</summary>
    private static readonly BgNbdModel Paper = new(0.243, 4.414, 0.793, 2.426);

    private static readonly Lazy<BgNbdModel> Fitted = new(() => BgNbdFit.Fit(CdnowData.CustomersInWeeks()).Model!);

    [TestCase(0, 0, 0)]
    [TestCase(0, 0, 38.86)]
    [TestCase(0, 0, 1e6)]
    public void A_customer_without_a_repeat_visit_is_alive(double x, double tx, double T) =>
        Assert.That(Paper.PAlive(x, tx, T), Is.EqualTo(1));

    [Test]
    public void P_alive_at_hand_computed_points()
    {
        // r = alpha = a = 1, b = 2, x = 1, t_x = 1, T = 3: odds = (1 / 2) * (4 / 2)^2 = 2, so P = 1/3;
        // at t_x = T the power is 1, odds = 1/2, P = 2/3.
        var simple = new BgNbdModel(1, 1, 1, 2);
        // Paper's parameters, x = 2, t_x = 30.43, T = 38.86 (customer 1): odds = (0.793 / 3.426) * (43.274 / 34.844)^2.243
        // = 0.231465 * 1.625764 = 0.376314, P = 0.726579 (computed separately with a calculator).
        Assert.Multiple(() =>
        {
            Assert.That(simple.PAlive(1, 1, 3), Is.EqualTo(1.0 / 3).Within(1e-15));
            Assert.That(simple.PAlive(1, 3, 3), Is.EqualTo(2.0 / 3).Within(1e-15));
            Assert.That(Paper.PAlive(2, 30.43, 38.86), Is.EqualTo(0.7265786).Within(1e-6));
        });
    }

    [Test]
    public void P_alive_is_zero_not_NaN_when_the_odds_overflow()
    {
        // lifetimes' own check: frequency 1000, recency 10, T 100 on the CDNOW fit gives exactly 0.
        Assert.That(Fitted.Value.PAlive(1000, 10, 100), Is.Zero);
    }

    [Test]
    public void P_alive_stays_within_zero_and_one()
    {
        for (var x = 0; x < 100; x += 10)
        {
            for (var tx = 0; tx < 100; tx += 10)
            {
                for (var T = tx; T < 100; T += 10)
                {
                    Assert.That(Fitted.Value.PAlive(x, tx, T), Is.InRange(0.0, 1.0), $"x={x}, t_x={tx}, T={T}");
                }
            }
        }
    }

    [Test]
    public void Log_likelihood_at_hand_computed_points()
    {
        // r = alpha = a = b = 1:
        // x = 0, T = 1: B(1,1)/B(1,1) * Gamma(1) 1^1 / (Gamma(1) (1 + 1)^1) = 1/2.
        // x = 1, t_x = 1, T = 2: B(1,2)/B(1,1) * Gamma(2) / (1 + 2)^2 + B(2,1)/B(1,1) * Gamma(2) / (1 + 1)^2
        //                       = (1/2)(1/9) + (1/2)(1/4) = 13/72.
        var ones = new BgNbdModel(1, 1, 1, 1);
        Assert.Multiple(() =>
        {
            Assert.That(ones.LogLikelihood(0, 0, 1), Is.EqualTo(Math.Log(0.5)).Within(1e-14));
            Assert.That(ones.LogLikelihood(1, 1, 2), Is.EqualTo(Math.Log(13.0 / 72)).Within(1e-14));
        });
    }

    [Test]
    public void Log_likelihood_is_finite_for_a_customer_with_very_many_visits()
    {
        // The direct product would underflow: (alpha + T)^-(r + x) with x = 5000.
        var value = Paper.LogLikelihood(5000, 700, 702);
        Assert.That(double.IsFinite(value), Is.True, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void No_horizon_means_no_expected_visits()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Paper.ExpectedVisits(0, 0, 0, 10), Is.Zero);
            Assert.That(Paper.ExpectedVisits(0, 3, 5, 10), Is.Zero);
        });
    }

    [Test]
    public void Expected_visits_match_Hardies_spreadsheet_for_customer_one()
    {
        // lifetimes' test against the spreadsheet of Fader, Hardie & Lee: fitted CDNOW model, x = 2, t_x = 30.43,
        // T = 38.86, the next 39 weeks: 1.226.
        Assert.That(Fitted.Value.ExpectedVisits(39, 2, 30.43, 38.86), Is.EqualTo(1.226).Within(0.001));
    }

    [TestCase(0.1429, 0.0078)]
    [TestCase(1.0, 0.0532)]
    [TestCase(3.00, 0.1506)]
    [TestCase(31.8571, 1.0405)]
    [TestCase(32.00, 1.0437)]
    [TestCase(78.00, 1.8576)]
    public void A_new_customers_expected_visits_match_Hardies_spreadsheet(double weeks, double expected)
    {
        // With x = t_x = T = 0, equation 10 is the unconditional E[X(t)] of equation 9; the spreadsheet's values (quoted
        // to 4 decimals in lifetimes' tests, which compare to 3) for the fitted CDNOW model.
        Assert.That(Fitted.Value.ExpectedVisits(weeks, 0, 0, 0), Is.EqualTo(expected).Within(0.0005));
    }

    [TestCase(39, 0, 0, 38.86)]
    [TestCase(39, 0, 0, 2)]
    [TestCase(39, 2, 30.43, 38.86)]
    [TestCase(13, 1, 1.71, 38.86)]
    [TestCase(52, 7, 29.43, 38.86)]
    [TestCase(39, 50, 35, 38)]
    [TestCase(200, 3, 10, 38)]
    public void Expected_visits_equal_the_posterior_mean_integrated_separately(double horizon, double x, double tx, double T)
    {
        // Independent derivation: alive at T, the rest of the process starts afresh with lambda ~ Gamma(r + x, alpha + T)
        // and p ~ Beta(a, b + x), and E[visits in t | lambda, p] = (1 - e^(-lambda p t)) / p. Integrating lambda out
        // gives E = P(alive) * integral over p of (1 - ((alpha + T) / (alpha + T + p t))^(r + x)) / p * Beta(p; a, b + x).
        // p = u^(1/a) removes the p^(a-1) singularity; the rest is a smooth integral done by double-exponential
        // quadrature, no 2F1 involved (good to about 1e-11 here; the same formula in 30-digit arithmetic, with mpmath's
        // hyp2f1 and quad, agrees with the implementation to 1e-15).
        var m = Paper;
        var shape = m.B + x;
        var logBeta = SpecialFunctions.BetaLn(m.A, shape);
        double Integrand(double u)
        {
            var p = Math.Pow(u, 1 / m.A);
            if (p <= 0)
            {
                return (m.R + x) * horizon / (m.Alpha + T) * Math.Exp(-logBeta) / m.A;
            }

            // (MathNet's ExponentialMinusOne is only good to about 1e-8 here; the plain difference is better.)
            var notYet = 1 - Math.Exp(-(m.R + x) * Math.Log(1 + p * horizon / (m.Alpha + T)));
            return Math.Exp((shape - 1) * Math.Log(1 - p) - logBeta) / m.A * notYet / p;
        }

        var posteriorMean = Integrate.DoubleExponential(Integrand, 0, 1, 1e-13);
        var expected = m.PAlive(x, tx, T) * posteriorMean;

        Assert.That(m.ExpectedVisits(horizon, x, tx, T), Is.EqualTo(expected).Within(1e-7).Percent);
    }

    [TestCase(39, 2000, 38.86, 38.86, 1374.2858591302678)]
    [TestCase(90, 2000, 700, 700, 243.43879468962812)]
    [TestCase(39, 300, 38, 38.86, 98.841061234004898)]
    public void Expected_visits_are_right_for_a_customer_with_very_many_visits(
        double horizon, double x, double tx, double T, double expected)
    {
        // At x = 2000, z = 39 / (4.414 + 38.86 + 39) = 0.474: 2F1(r + x, b + x; a + b + x - 1; z) ~ (1 - z)^-2000 = e^1284
        // overflows and ((alpha + T) / (alpha + T + t))^(r + x) underflows; Euler's transformation keeps their product
        // finite. Expected values: equation 10 in 50-digit arithmetic (mpmath's hyp2f1), the paper's parameters.
        Assert.That(Paper.ExpectedVisits(horizon, x, tx, T), Is.EqualTo(expected).Within(1e-9).Percent);
    }

    [TestCase(1.0, 1.1021367860399558)]
    [TestCase(1 + 1e-7, 1.1021367314169068)]
    [TestCase(1 - 5e-7, 1.1021370591552701)]
    [TestCase(1 + 2e-6, 1.10213569357986)]
    public void Expected_visits_are_right_at_and_around_a_equal_to_one(double a, double expected)
    {
        // Equation 10 is 0/0 at a = 1. Expected values from the formula in 60-digit arithmetic (mpmath: hyp2f1, and
        // a = 1 -/+ 1e-25 for a = 1), with r, alpha, b of the paper and customer 1 (x = 2, t_x = 30.43, T = 38.86, t = 39).
        var model = new BgNbdModel(0.243, 4.414, a, 2.426);
        Assert.That(model.ExpectedVisits(39, 2, 30.43, 38.86), Is.EqualTo(expected).Within(1e-7).Percent);
    }

    [Test]
    public void Expected_visits_grow_with_the_horizon()
    {
        var previous = 0.0;
        foreach (var t in new[] { 1.0, 5, 13, 26, 52, 104, 520 })
        {
            var value = Paper.ExpectedVisits(t, 2, 30.43, 38.86);
            Assert.That(value, Is.GreaterThan(previous), $"t = {t}");
            previous = value;
        }
    }

    [Test]
    public void Parameters_must_be_positive() =>
        Assert.That(() => new BgNbdModel(0, 1, 1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
