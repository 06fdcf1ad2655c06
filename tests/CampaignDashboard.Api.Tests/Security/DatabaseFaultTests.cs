using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// The database goes away mid-run and comes back: 503 problem details with Retry-After while it is gone, 200 again
/// when it returns, with no restart. Query defects stay 500s. A hung database is cut off at
/// Database:CommandTimeoutSeconds; a client that disconnects cancels its query.
/// </summary>
[NonParallelizable]
public sealed class DatabaseFaultTests
{
    private readonly CapturedLogEvents _log = new();
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;
    private SwitchableDatabaseEngine _engine = null!;
    private int _sequence;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _factory = new DashboardApiFactory(
            settings: new Dictionary<string, string?> { ["Database:CommandTimeoutSeconds"] = "2" },
            configureServices: services =>
            {
                SwitchableDatabaseEngine.Install(services);
                services.AddSingleton<ILogEventSink>(_log);
            });
        _client = _factory.CreateClient();
        await _factory.LoadSmallDatasetAsync();
        _engine = _factory.Services.GetRequiredService<SwitchableDatabaseEngine>();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client.Dispose();
        _factory.Dispose();
        _engine.Dispose();
    }

    [TearDown]
    public void GiveTheDatabaseBack() => _engine.Fault = DatabaseFault.None;

    [TestCase(DatabaseFault.Unavailable, TestName = "Database unreachable or locked mid-run: 503, then 200 again without a restart")]
    [TestCase(DatabaseFault.FileGone, TestName = "Database file unreadable mid-run (DuckDB IO error): 503, then 200 again without a restart")]
    public async Task The_database_goes_away_and_comes_back(DatabaseFault fault)
    {
        Assert.That(await GetAsync(), Is.EqualTo(HttpStatusCode.OK), "before");
        Assert.That(await ReadyAsync(), Is.EqualTo(HttpStatusCode.OK), "ready before");

        _engine.Fault = fault;
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.GetAsync(UncachedDashboard());
            var body = await response.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                Assert.That(response.Headers.TryGetValues("Retry-After", out var retryAfter) ? int.Parse(retryAfter.Single(), CultureInfo.InvariantCulture) : 0, Is.Positive);
                Assert.That(JsonNode.Parse(body)!["status"]!.GetValue<int>(), Is.EqualTo(503));
                Assert.That(body, Does.Not.Contain("   at ").And.Not.Contain("Exception").And.Not.Contain("duckdb"), "no internals");
            });
        }

        Assert.That(await ReadyAsync(), Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready while the database is gone");
        Assert.That(await StatusAsync("/health/live"), Is.EqualTo(HttpStatusCode.OK), "still alive: a restart would not help");

        _engine.Fault = DatabaseFault.None;
        Assert.Multiple(async () =>
        {
            Assert.That(await GetAsync(), Is.EqualTo(HttpStatusCode.OK), "after the database came back");
            Assert.That(await ReadyAsync(), Is.EqualTo(HttpStatusCode.OK), "ready again");
        });
    }

    [Test]
    public async Task A_query_defect_is_a_500_not_a_503_and_is_logged_at_Error()
    {
        var before = _log.Events.Count;
        _engine.Fault = DatabaseFault.NoSchema;
        using var response = await _client.GetAsync(UncachedDashboard());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), body);
            Assert.That(body, Does.Not.Contain("Catalog Error").And.Not.Contain("   at "));
            Assert.That(_log.Events.Skip(before).Any(e => e.Level == LogEventLevel.Error && e.Exception is DuckDB.NET.Data.DuckDBException),
                Is.True, "logged at Error with the exception");
        });
    }

    [Test]
    public async Task A_database_that_does_not_answer_is_cut_off_at_the_command_timeout_with_a_503()
    {
        _engine.ResetHangSignals();
        _engine.Fault = DatabaseFault.Hang;
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(UncachedDashboard());
        clock.Stop();
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            Assert.That(body, Does.Contain("did not answer in time"));
            Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.5)).And.LessThan(TimeSpan.FromSeconds(15)), "Database:CommandTimeoutSeconds=2");
            Assert.That(await Task.WhenAny(_engine.Cancelled, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(_engine.Cancelled), "the query was cancelled");
        });
    }

    [Test]
    public async Task A_client_that_disconnects_cancels_its_query()
    {
        _engine.ResetHangSignals();
        _engine.Fault = DatabaseFault.Hang;
        using var disconnect = new CancellationTokenSource();
        var request = _client.GetAsync(UncachedDashboard(), disconnect.Token);
        Assert.That(await Task.WhenAny(_engine.Entered, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(_engine.Entered), "the query started");

        var clock = Stopwatch.StartNew();
        await disconnect.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(async () => await request);
        Assert.Multiple(async () =>
        {
            Assert.That(await Task.WhenAny(_engine.Cancelled, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(_engine.Cancelled), "the query was cancelled");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1.5)), "by the disconnect, not by the command timeout");
        });
    }

    // A filter of its own per request: the response cache cannot answer it, so the database is asked.
    private string UncachedDashboard() =>
        $"/api/campaign/dashboard?customer_name=probe-{Interlocked.Increment(ref _sequence)}";

    private async Task<HttpStatusCode> GetAsync() => await StatusAsync(UncachedDashboard());

    private Task<HttpStatusCode> ReadyAsync() => StatusAsync("/health/ready");

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        return response.StatusCode;
    }
}
