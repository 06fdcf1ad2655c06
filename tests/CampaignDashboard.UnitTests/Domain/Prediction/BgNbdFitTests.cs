using System.Diagnostics;
using CampaignDashboard.Domain.Prediction;
using MathNet.Numerics.Distributions;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

public sealed class BgNbdFitTests
{
    private static readonly Lazy<FitResult<BgNbdModel>> CdnowFit = new(() => BgNbdFit.Fit(CdnowData.CustomersInWeeks()));

    [Test]
    public void The_CDNOW_fit_in_weeks_reproduces_the_papers_estimates_and_log_likelihood()
    {
        // Fader, Hardie & Lee (2005), section 4: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
        var fit = CdnowFit.Value;

        Assert.That(fit.Converged, Is.True, fit.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Model!.R, Is.EqualTo(0.243).Within(0.5).Percent);
            Assert.That(fit.Model.Alpha, Is.EqualTo(4.414).Within(0.5).Percent);
            Assert.That(fit.Model.A, Is.EqualTo(0.793).Within(0.5).Percent);
            Assert.That(fit.Model.B, Is.EqualTo(2.426).Within(0.5).Percent);
            Assert.That(fit.LogLikelihood, Is.EqualTo(-9582.4).Within(0.1));
            Assert.That(fit.Customers, Is.EqualTo(2357));
        });
    }

    [Test]
    public void The_same_customers_in_days_give_alpha_seven_times_larger_and_the_likelihood_shifted_by_a_constant()
    {
        var weeks = CdnowData.CustomersInWeeks();
        var days = BgNbdFit.Fit(weeks.Select(c => (c.x, c.tx * 7, c.T * 7)).ToArray());
        var inWeeks = CdnowFit.Value.Model!;

        Assert.That(days.Converged, Is.True, days.Reason);
        // Each customer's likelihood picks up 7^-x (alpha^r / (alpha + T)^(r + x) with alpha and T times 7).
        var shift = -Math.Log(7) * weeks.Sum(c => c.x);
        Assert.Multiple(() =>
        {
            Assert.That(days.Model!.Alpha, Is.EqualTo(7 * 4.414).Within(0.5).Percent);
            Assert.That(days.Model.Alpha, Is.EqualTo(7 * inWeeks.Alpha).Within(1e-4).Percent);
            Assert.That(days.Model.R, Is.EqualTo(0.243).Within(0.5).Percent);
            Assert.That(days.Model.A, Is.EqualTo(0.793).Within(0.5).Percent);
            Assert.That(days.Model.B, Is.EqualTo(2.426).Within(0.5).Percent);
            Assert.That(days.Model.R, Is.EqualTo(inWeeks.R).Within(1e-4).Percent);
            Assert.That(days.Model.A, Is.EqualTo(inWeeks.A).Within(1e-4).Percent);
            Assert.That(days.Model.B, Is.EqualTo(inWeeks.B).Within(1e-4).Percent);
            Assert.That(days.LogLikelihood, Is.EqualTo(CdnowFit.Value.LogLikelihood + shift).Within(1e-6));
        });
    }

    [Test]
    public void The_reported_log_likelihood_is_the_sum_of_the_customers_log_likelihoods_at_the_fitted_model()
    {
        var fit = CdnowFit.Value;
        var sum = CdnowData.CustomersInWeeks().Sum(c => fit.Model!.LogLikelihood(c.x, c.tx, c.T));

        Assert.That(fit.LogLikelihood, Is.EqualTo(sum).Within(1e-7));
    }

    [Test]
    public void Counting_each_customer_twice_gives_the_same_model_and_twice_the_log_likelihood()
    {
        var weeks = CdnowData.CustomersInWeeks();
        var twice = BgNbdFit.Fit(weeks.Concat(weeks).ToArray());

        Assert.That(twice.Converged, Is.True, twice.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(twice.Model!.R, Is.EqualTo(CdnowFit.Value.Model!.R).Within(1e-4).Percent);
            Assert.That(twice.Model.Alpha, Is.EqualTo(CdnowFit.Value.Model.Alpha).Within(1e-4).Percent);
            Assert.That(twice.LogLikelihood, Is.EqualTo(2 * CdnowFit.Value.LogLikelihood).Within(1e-5));
            Assert.That(twice.Customers, Is.EqualTo(2 * 2357));
        });
    }

    [Test]
    public void No_customers_is_not_converged()
    {
        var fit = BgNbdFit.Fit([]);

        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.False);
            Assert.That(fit.Model, Is.Null);
            Assert.That(fit.Reason, Is.EqualTo("no customers"));
        });
    }

    [Test]
    public void Customers_without_a_repeat_visit_are_not_converged()
    {
        var fit = BgNbdFit.Fit(Enumerable.Range(0, 500).Select(i => (0.0, 0.0, (double)(i % 50))).ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.False);
            Assert.That(fit.Reason, Is.EqualTo("no customer has a repeat visit"));
        });
    }

    [Test]
    public void Customers_who_all_came_back_with_no_sign_of_dropping_out_are_not_converged()
    {
        // Everyone visits every week and is still visiting: nobody drops out, so the MLE sends a towards 0 (or b to
        // infinity) and there is no interior maximum.
        var fit = BgNbdFit.Fit(Enumerable.Range(1, 200).Select(i => ((double)i, (double)i, (double)i)).ToArray());

        Assert.That(fit.Converged, Is.False, $"{fit.Model}");
        Assert.That(fit.Reason, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Repeat_buyers_who_all_stopped_right_after_one_return_are_not_converged()
    {
        // Half never came back, half came back on day 1 and not in the 9 days since: the likelihood keeps rising as
        // every dropout probability goes to 1 (a to infinity, b to 0), so BFGS stops on a flat ridge, not a maximum.
        var customers = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? (0.0, 0.0, 10.0) : (1.0, 1.0, 10.0)).ToArray();
        var fit = BgNbdFit.Fit(customers);

        Assert.That(fit.Converged, Is.False, $"{fit.Model}");
    }

    [Test]
    public void Identical_customers_are_not_converged()
    {
        var fit = BgNbdFit.Fit(Enumerable.Repeat((3.0, 9.0, 10.0), 100).ToArray());

        Assert.That(fit.Converged, Is.False, $"{fit.Model}");
    }

    [Test]
    public void A_single_customer_is_not_converged()
    {
        var fit = BgNbdFit.Fit([(1.0, 5.0, 10.0)]);

        Assert.That(fit.Converged, Is.False, $"{fit.Model}");
        Assert.That(fit.Reason, Is.Not.Null.And.Not.Empty);
    }

    [TestCase(-1, 0, 1)]
    [TestCase(1.5, 1, 2)]
    [TestCase(1, -1, 2)]
    [TestCase(1, 3, 2)]
    [TestCase(1, 1, double.NaN)]
    public void An_impossible_customer_is_an_argument_error(double x, double tx, double T) =>
        Assert.That(() => BgNbdFit.Fit([(x, tx, T)]), Throws.InstanceOf<ArgumentOutOfRangeException>());

    /// <summary>
    /// Manual measurement, not a timed test: 1,000,000 customers simulated from the BG/NBD (CDNOW's parameters in
    /// days) over up to two years of integer days. Run with --filter "Name~A_million" (in Release for the production figure).
    /// </summary>
    [Test]
    [Explicit("manual performance measurement")]
    public void A_million_simulated_customers_fit_quickly_in_both_models()
    {
        var random = new Random(20050101);
        var customers = new (double x, double tx, double T)[1_000_000];
        for (var i = 0; i < customers.Length; i++)
        {
            var rate = Gamma.Sample(random, 0.243, 4.414 * 7);
            var dropout = Beta.Sample(random, 0.793, 2.426);
            var age = random.Next(0, 731);
            double time = 0, lastDay = 0, visits = 0;
            while (rate > 0)
            {
                time += -Math.Log(1 - random.NextDouble()) / rate;
                if (time > age)
                {
                    break;
                }

                if (Math.Floor(time) > lastDay)
                {
                    lastDay = Math.Floor(time);
                    visits++;
                }

                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }

            customers[i] = (visits, lastDay, age);
        }

        var stopwatch = Stopwatch.StartNew();
        var fit = BgNbdFit.Fit(customers);
        stopwatch.Stop();

        TestContext.Out.WriteLine(
            $"{customers.Length:N0} customers, {customers.Distinct().Count():N0} distinct (x, t_x, T), " +
            $"{customers.Count(c => c.x > 0):N0} with a repeat visit: fit in {stopwatch.ElapsedMilliseconds} ms: {fit}");
        Assert.That(fit.Converged, Is.True, fit.Reason);
        Assert.That(fit.Model!.Alpha, Is.EqualTo(4.414 * 7).Within(10).Percent);

        // Gamma-Gamma on the repeat buyers, spends drawn from the model with the CDNOW estimates: the mean of x spends
        // Gamma(p, nu) is Gamma(p x, nu x), nu ~ Gamma(q, gamma).
        var spends = customers.Where(c => c.x >= 1)
            .Select(c => (c.x, Gamma.Sample(random, 6.25 * c.x, Gamma.Sample(random, 3.74, 15.44) * c.x)))
            .ToArray();
        stopwatch.Restart();
        var spendFit = GammaGammaFit.Fit(spends);
        stopwatch.Stop();

        TestContext.Out.WriteLine($"{spends.Length:N0} repeat buyers: Gamma-Gamma fit in {stopwatch.ElapsedMilliseconds} ms: {spendFit}");
        Assert.That(spendFit.Converged, Is.True, spendFit.Reason);
    }
}
