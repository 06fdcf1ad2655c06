using System.Net;
using CampaignDashboard.Api.Logging;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// customer_mobile and customer_name never reach the logs: the API runs with every log level at Verbose (ASP.NET
/// Core's own "Request starting ...?customer_mobile=..." included) and a sink captures every event.
/// </summary>
public sealed class PersonalDataLoggingTests
{
    private const string Mobile = "447700912345";
    private const string Name = "Zenobia Quillfeather";

    // Every form the filtered values could be logged in: the digits (with and without country code), the name's parts.
    private static readonly string[] Forbidden = [Mobile, "7700912345", "912345", "Zenobia", "Quillfeather"];

    private readonly CapturedLogEvents _log = new();
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _factory = new DashboardApiFactory(
            settings: new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Default"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Verbose",
                ["Serilog:MinimumLevel:Override:System"] = "Verbose",
            },
            configureServices: services =>
            {
                services.AddSingleton<ILogEventSink>(_log);
                SwitchableDatabaseEngine.Install(services);
            });
        _client = _factory.CreateClient();
        await _factory.LoadAsync(
            [
                new CustomerRecord(1, Name, "+44 7700 912345", new DateOnly(2023, 5, 1)),
                new CustomerRecord(2, "Someone Else", "+44 7700 900001", new DateOnly(2023, 5, 1)),
            ],
            [
                new TransactionRecord(10, 1, new DateOnly(2024, 6, 1), 120.50m, 2, 30m),
                new TransactionRecord(11, 1, new DateOnly(2024, 9, 1), 80m, 1, 20m),
                new TransactionRecord(12, 2, new DateOnly(2024, 7, 1), 15m, 1, 5m),
            ]);
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("customer_mobile=447700912345", HttpStatusCode.OK)]
    [TestCase("customer_mobile=%2B44%207700%20912345&end_date=2024-12-31", HttpStatusCode.OK)]
    [TestCase("customer_mobile=(%2B44)%207700-912-345", HttpStatusCode.OK)]
    [TestCase("customer_name=Zenobia%20Quillfeather", HttpStatusCode.OK)]
    [TestCase("customer_name=zenobia+quillfeather&customer_mobile=447700912345", HttpStatusCode.OK)]
    [TestCase("CUSTOMER_NAME=Zenobia%20Quillfeather&Customer_Mobile=447700912345", HttpStatusCode.OK)]
    [TestCase("customer%5Fname=Zenobia%20Quillfeather&customer%5fmobile=%34%34%37%37%30%30%39%31%32%33%34%35", HttpStatusCode.OK)]
    [TestCase("customer_name=Zenobia%20Quillfeather&customer_name=Zenobia", HttpStatusCode.BadRequest)]
    [TestCase("customer_mobile=447700912345x&customer_name=Zenobia%20Quillfeather", HttpStatusCode.BadRequest)]
    [TestCase("customer_mobile=4477009123456789&start_date=bad", HttpStatusCode.BadRequest)]
    [TestCase("customer_name=Zenobia%20Quillfeather%20Zenobia%20Quillfeather%20Zenobia%20Quillfeather%20Zenobia%20Quillfeather%20Zenobia%20Quillfeather", HttpStatusCode.BadRequest)]
    public async Task A_filtered_mobile_or_name_is_in_no_log_event(string query, HttpStatusCode expected)
    {
        var before = _log.Events.Count;
        using (var response = await _client.GetAsync("/api/campaign/dashboard?" + query))
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        }

        var events = _log.Events.Skip(before).Select(CapturedLogEvents.Render).ToArray();
        AssertNoPersonalData(events);

        // The check means something: the query string was logged (by ASP.NET Core's hosting events), with the values
        // redacted, and the request log has the path without the query string.
        Assert.Multiple(() =>
        {
            Assert.That(events.Any(e => e.Contains(PersonalDataRedactor.Redacted, StringComparison.Ordinal)), Is.True,
                "expected ASP.NET Core to log the query string, redacted, at Verbose");
            Assert.That(events.Any(e => e.Contains("RequestPath=\"/api/campaign/dashboard\"", StringComparison.Ordinal)), Is.True,
                "the request log names the path only");
        });
    }

    [Test]
    public async Task A_database_failure_logged_with_its_exception_carries_no_personal_data()
    {
        var engine = _factory.Services.GetRequiredService<SwitchableDatabaseEngine>();
        var before = _log.Events.Count;
        engine.Fault = DatabaseFault.Unavailable;
        try
        {
            using var response = await _client.GetAsync("/api/campaign/dashboard?customer_name=Zenobia%20Quillfeather&customer_mobile=447700912345&start_date=2024-01-02");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            engine.Fault = DatabaseFault.None;
        }

        var events = _log.Events.Skip(before).ToArray();
        Assert.That(events.Any(e => e.Exception is DataStoreUnavailableException && e.Level == Serilog.Events.LogEventLevel.Error), Is.True,
            "the failure is logged at Error with its exception");
        AssertNoPersonalData(events.Select(CapturedLogEvents.Render).ToArray());
    }

    [Test]
    public void Structured_properties_named_like_personal_data_are_redacted()
    {
        var logger = _factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PersonalDataLoggingTests");
        var before = _log.Events.Count;
        LogLookup(logger, Mobile, new GetDashboardQuery { CustomerName = Name, CustomerMobile = "+44 7700 912345" }, "/api/campaign/dashboard?customer_name=Zenobia+Quillfeather", null);

        var events = _log.Events.Skip(before).Select(CapturedLogEvents.Render).ToArray();
        Assert.That(events, Has.Length.EqualTo(1));
        AssertNoPersonalData(events);
    }

    [TestCase("?customer_mobile=447700912345&start_date=2024-01-01", "?customer_mobile=[redacted]&start_date=2024-01-01")]
    [TestCase("http://h/api?CUSTOMER_NAME=Zenobia+Quillfeather", "http://h/api?CUSTOMER_NAME=[redacted]")]
    [TestCase("?customer%255Fname=Zenobia%2520Q&x=1", "?customer%255Fname=[redacted]&x=1")]
    [TestCase("?parameters.customer_mobile=4477", "?parameters.customer_mobile=[redacted]")]
    [TestCase("?customer_mobile[0]=1&customer_mobile[1]=2", "?customer_mobile[0]=[redacted]&customer_mobile[1]=[redacted]")]
    [TestCase("?start_date=2024-01-01&r_value_bucket=1-200", "?start_date=2024-01-01&r_value_bucket=1-200")]
    [TestCase("no query here", "no query here")]
    public void Query_strings_lose_their_mobile_and_name_values_and_keep_the_rest(string text, string expected)
    {
        Assert.That(PersonalDataRedactor.Scrub(text, []), Is.EqualTo(expected));
    }

    private static readonly Action<ILogger, string, GetDashboardQuery, string, Exception?> LogLookup =
        LoggerMessage.Define<string, GetDashboardQuery, string>(LogLevel.Information, default,
            "Looking up {CustomerMobile} with {@Query} from {Url}");

    private static void AssertNoPersonalData(IReadOnlyCollection<string> events)
    {
        Assert.That(events, Is.Not.Empty);
        foreach (var forbidden in Forbidden)
        {
            var leaks = events.Where(e => e.Contains(forbidden, StringComparison.OrdinalIgnoreCase)).ToArray();
            Assert.That(leaks, Is.Empty, $"'{forbidden}' was logged in:\n{string.Join("\n---\n", leaks.Take(3))}");
        }
    }
}
