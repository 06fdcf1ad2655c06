using CampaignDashboard.Api;
using System.Diagnostics.Metrics;
using System.Net;
using CampaignDashboard.Api.Tests.Security;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// The start-up warm-up runs the real dashboard endpoint; a failure would only be logged, so it is checked here. It
/// leaves the default dashboard in the response cache: the first visitor is served warm.
/// </summary>
public sealed class StartupWarmupTests
{
    [Test]
    public void The_API_warms_up_its_dashboard_and_customers_endpoints_before_serving()
    {
        var log = new CapturedLogEvents();
        using var factory = new DashboardApiFactory(
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configureServices: services => services.AddSingleton<ILogEventSink>(log));

        using var client = factory.CreateClient();

        var templates = log.Events.Where(e => e.Level >= LogEventLevel.Information).Select(e => e.MessageTemplate.Text).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(templates, Has.Some.StartsWith("Warmed up the dashboard and customers endpoints"));
            Assert.That(templates, Has.None.Contains("warm-up failed"));
        });
    }

    [Test]
    public async Task After_the_warm_up_the_default_dashboard_is_served_from_the_response_cache()
    {
        // An empty database: what is cached does not depend on the data, and loading rows would invalidate the cache.
        using var factory = new DashboardApiFactory();
        using var client = factory.CreateClient();

        await AssertServedFromTheCacheAsync(client);
    }

    [Test]
    public async Task After_an_import_handed_to_the_API_the_default_dashboard_is_computed_again_in_the_background()
    {
        using var factory = new DashboardApiFactory();
        using var client = factory.CreateClient();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("transaction_id,customer_id,transaction_date,amount,quantity,profit\n1,1,2025-01-02,10.00,1,\n"), "transactions", "daily.csv" },
        };

        using var imported = await client.PostAsync("/api/imports?allow_unknown_customers=true", content);
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        await factory.Services.GetRequiredService<ImportWarmup>().Last;

        await AssertServedFromTheCacheAsync(client);
    }

    private static async Task AssertServedFromTheCacheAsync(HttpClient client)
    {
        var hits = 0L;
        var misses = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Name is "campaign.dashboard.cache.hits" or "campaign.dashboard.cache.misses")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "campaign.dashboard.cache.hits")
            {
                Interlocked.Add(ref hits, value);
            }
            else
            {
                Interlocked.Add(ref misses, value);
            }
        });
        listener.Start();

        using var response = await client.GetAsync("/api/campaign/dashboard");
        listener.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Interlocked.Read(ref misses), Is.Zero, "the first visitor's dashboard was computed");
            Assert.That(Interlocked.Read(ref hits), Is.EqualTo(1), "the first visitor's dashboard came from the cache");
        });
    }
}
