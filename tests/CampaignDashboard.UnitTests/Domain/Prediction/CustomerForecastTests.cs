using System.Runtime.CompilerServices;
using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

public sealed class CustomerForecastTests
{
    [Test]
    public void A_forecast_gives_back_the_reported_figures_it_was_made_of()
    {
        var forecast = new CustomerForecast(0.0001m, 12345.67m, 98765432.1m, -0.01m);

        Assert.Multiple(() =>
        {
            Assert.That(forecast.PAlive, Is.EqualTo(0.0001m));
            Assert.That(forecast.ExpectedVisits, Is.EqualTo(12345.67m));
            Assert.That(forecast.ExpectedSpend, Is.EqualTo(98765432.10m));
            Assert.That(forecast.PredictedClv, Is.EqualTo(-0.01m));
            Assert.That(forecast, Is.EqualTo(new CustomerForecast(0.0001m, 12345.670m, 98765432.1m, -0.01m)), "equal by value");
        });
    }

    [Test]
    public void A_figure_finer_than_the_reported_precision_is_refused_not_truncated()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new CustomerForecast(0.12345m, 0, 0, 0), Throws.ArgumentException);
            Assert.That(() => new CustomerForecast(0, 0, 1.005m, 0), Throws.ArgumentException);
        });
    }

    [Test]
    public void A_forecast_takes_24_bytes_so_that_ten_million_fit_in_the_memory_budget()
    {
        // ADR 9: four decimals took 64 bytes a customer, 370 MB more at ten million customers.
        Assert.That(Unsafe.SizeOf<CustomerForecast>(), Is.EqualTo(24));
    }
}
