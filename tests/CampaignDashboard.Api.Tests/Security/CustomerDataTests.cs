using System.Net;
using System.Net.Http.Headers;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Data;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// Names and mobiles (the customers list and its export) need the customer-data scope or role when authentication is
/// on; the dashboard does not. Every export is an audit event without personal values.
/// </summary>
public sealed class CustomerDataTests
{
    private const string Name = "Zenobia Quillfeather";
    private const string Mobile = "+44 7700 912345";

    private readonly CapturedLogEvents _log = new();
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _factory = new DashboardApiFactory(
            settings: TestTokens.Settings(new() { ["Serilog:MinimumLevel:Default"] = "Verbose", ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose" }),
            configureServices: services => services.AddSingleton<ILogEventSink>(_log));
        _client = _factory.CreateClient(new() { BaseAddress = new Uri("https://dashboard.test") });
        await _factory.LoadAsync(
            [new CustomerRecord(1, Name, Mobile, null), new CustomerRecord(2, "Someone Else", "+44 7700 900001", null)],
            [new TransactionRecord(10, 1, new DateOnly(2024, 6, 1), 120.50m, 2, 30m), new TransactionRecord(11, 2, new DateOnly(2024, 7, 1), 15m, 1, 5m)]);
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    [TestCase("/api/campaign/customers")]
    [TestCase("/api/campaign/customers/export")]
    public async Task Without_the_scope_the_customers_are_a_403_problem(string path)
    {
        using var response = await SendAsync(path, TestTokens.Create(scope: "campaign.dashboard"));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(Name));
        });
    }

    [TestCase("campaign.dashboard campaign.customers", null)]
    [TestCase(null, "campaign.customers")]
    public async Task With_the_scope_or_the_role_the_customers_are_served(string? scope, string? role)
    {
        using var response = await SendAsync("/api/campaign/customers", TestTokens.Create(scope: scope, role: role));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(Name));
        });
    }

    [Test]
    public async Task The_dashboard_needs_no_customer_scope()
    {
        using var response = await SendAsync("/api/campaign/dashboard", TestTokens.Create());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_export_is_an_audit_event_with_who_the_redacted_filter_the_rows_and_the_time()
    {
        var before = _log.Events.Count;
        using var response = await SendAsync(
            "/api/campaign/customers/export?customer_name=zenobia&customer_mobile=447700912345&start_date=2024-01-01",
            TestTokens.Create(subject: "analyst-7", scope: "campaign.customers"));
        var csv = await response.Content.ReadAsStringAsync();

        var events = _log.Events.Skip(before).ToArray();
        var audit = events.SingleOrDefault(e => e.MessageTemplate.Text.StartsWith("Audit: {Export} export", StringComparison.Ordinal));
        Assert.That(audit, Is.Not.Null, "one audit event");
        Assert.Multiple(() =>
        {
            Assert.That(csv, Does.Contain(Name), "the export itself holds the customer");
            Assert.That(Scalar(audit!, "Subject"), Is.EqualTo("analyst-7"));
            Assert.That(Scalar(audit!, "Rows"), Is.EqualTo(1L));
            Assert.That(Scalar(audit!, "Seconds"), Is.TypeOf<double>());
            Assert.That((string)Scalar(audit!, "Filter")!, Does.Contain("start_date=2024-01-01").And.Contain("customer_name=[redacted]"));
            foreach (var rendered in events.Select(CapturedLogEvents.Render))
            {
                Assert.That(rendered, Does.Not.Contain("zenobia").IgnoreCase.And.Not.Contain("912345").And.Not.Contain("Quillfeather"));
            }
        });
    }

    private static object? Scalar(LogEvent logEvent, string property) => ((ScalarValue)logEvent.Properties[property]).Value;

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }
}
