using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

public sealed class CustomerValueTests
{
    [TestCase(110.0, 730, 0.10, 100.0)] // two years: discounted one year, to the middle
    [TestCase(100.0, 0, 0.10, 100.0)]
    [TestCase(100.0, 90, 0.0, 100.0)]
    public void Predicted_clv_is_discounted_to_the_middle_of_the_horizon(double spend, double days, double rate, double expected) =>
        Assert.That(CustomerValue.PredictedClv(spend, days, rate), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void Ninety_days_at_ten_percent()
    {
        // 100 / 1.1^(90 / 730) = 100 / e^(0.1232877 * 0.0953102) = 100 / e^0.0117506 = 100 / 1.0118199 = 98.83182.
        Assert.That(CustomerValue.PredictedClv(100, 90, 0.10), Is.EqualTo(98.83182).Within(1e-5));
    }

    [Test]
    public void Expected_spend_is_visits_times_spend_per_visit() =>
        Assert.That(CustomerValue.ExpectedSpend(1.5, 24), Is.EqualTo(36));
}
