using System.Net;
using CampaignDashboard.Api.Tests.Security;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// The request log (one event per request) states the status the client received: a request turned down for bad
/// input is not logged as a server failure, and a failure is logged with the status it was answered with.
/// </summary>
public sealed class RequestLogTests
{
    private readonly CapturedLogEvents _log = new();
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new DashboardApiFactory(
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configureServices: services =>
            {
                services.AddSingleton<ILogEventSink>(_log);
                SwitchableDatabaseEngine.Install(services);
            });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_request_rejected_for_bad_input_is_logged_as_answered_400_without_an_exception()
    {
        var entry = await RequestLogEntryAsync("/api/campaign/dashboard?start_date=2024-13-01", HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(entry.Properties["StatusCode"].ToString(), Is.EqualTo("400"));
            Assert.That(entry.Level, Is.LessThan(LogEventLevel.Error));
            Assert.That(entry.Exception, Is.Null);
        });
    }

    [Test]
    public async Task A_request_the_database_could_not_answer_is_logged_as_answered_503()
    {
        var engine = _factory.Services.GetRequiredService<SwitchableDatabaseEngine>();
        engine.Fault = DatabaseFault.Unavailable;
        LogEvent entry;
        try
        {
            entry = await RequestLogEntryAsync("/api/campaign/dashboard?start_date=2024-02-03", HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            engine.Fault = DatabaseFault.None;
        }

        Assert.That(entry.Properties["StatusCode"].ToString(), Is.EqualTo("503"));
    }

    /// <summary>The request log's event for one request (Serilog's "HTTP {RequestMethod} {RequestPath} responded ...").</summary>
    private async Task<LogEvent> RequestLogEntryAsync(string path, HttpStatusCode expected)
    {
        var before = _log.Events.Count;
        using (var response = await _client.GetAsync(path))
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
        }

        return _log.Events.Skip(before).Single(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath} responded", StringComparison.Ordinal));
    }
}
