using CampaignDashboard.Api.Tests.Security;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Tests;

/// <summary>The start-up warm-up runs the real dashboard endpoint; a failure would only be logged, so it is checked here.</summary>
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
}
