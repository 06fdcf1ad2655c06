using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>The "bad value" column of the contract's request table: 400 problem details naming the parameter.</summary>
public sealed class BadRequestTests
{
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new DashboardApiFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("start_date=2024-02-30", "start_date", "real date")]
    [TestCase("start_date=2023-02-29", "start_date", "real date")]
    [TestCase("end_date=2024-13-01", "end_date", "real date")]
    [TestCase("start_date=01/02/2024", "start_date", "YYYY-MM-DD")]
    [TestCase("end_date=yesterday", "end_date", "YYYY-MM-DD")]
    [TestCase("start_date=2024-1-5", "start_date", "YYYY-MM-DD")]
    [TestCase("start_date=2024-05-02&end_date=2024-05-01", "start_date", "not be after end_date")]
    [TestCase("customer_mobile=12345", "customer_mobile", "6 to 15 digits")]
    [TestCase("customer_mobile=1234567890123456", "customer_mobile", "6 to 15 digits")]
    [TestCase("customer_mobile=0770-abc-123", "customer_mobile", "only digits")]
    [TestCase("customer_mobile=0770%3B900123", "customer_mobile", "';'")]
    [TestCase("r_value_bucket=1-300", "r_value_bucket", "1-200, 200-400, 400-600, 600-800, 800-1000, >1000")]
    [TestCase("r_value_bucket=1-200,nope", "r_value_bucket", "'nope'")]
    [TestCase("f_value_bucket=11", "f_value_bucket", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10+")]
    [TestCase("m_value_bucket=cheap", "m_value_bucket", "1-1000, 1000-2000, 2000-3000, 3000-4000, 4000-5000, >5000")]
    public async Task A_bad_value_is_a_400_problem_naming_the_parameter(string query, string parameter, string reason)
    {
        using var response = await _client.GetAsync("/api/campaign/dashboard?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonNode.Parse(body)!;
        var messages = problem["errors"]?[parameter]?.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(400));
            Assert.That(messages, Is.Not.Null.And.Not.Empty, $"errors.{parameter} in {body}");
            Assert.That(messages!.Any(m => m.Contains(reason, StringComparison.Ordinal)), Is.True, body);
            Assert.That(body, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task A_name_over_100_characters_is_a_400()
    {
        using var response = await _client.GetAsync("/api/campaign/dashboard?customer_name=" + new string('a', 101));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!["customer_name"]![0]!.GetValue<string>(), Does.Contain("at most 100"));
    }

    [Test]
    public async Task Several_bad_values_are_all_reported()
    {
        using var response = await _client.GetAsync("/api/campaign/dashboard?start_date=x&customer_mobile=1&f_value_bucket=0");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "start_date", "customer_mobile", "f_value_bucket" }));
    }

    [TestCase("start_date=&end_date=&customer_mobile=&customer_name=&r_value_bucket=&f_value_bucket=&m_value_bucket=")]
    [TestCase("customer_name=%20%20")]
    [TestCase("r_value_bucket=%20%3E1000%20&f_value_bucket=10%2B,1&m_value_bucket=1-1000,")]
    [TestCase("R_VALUE_BUCKET=1-200&r_value_bucket=200-400")]
    [TestCase("customer_name=100%25_[x]")]
    [TestCase("start_date=2024-02-29&end_date=2024-02-29")]
    public async Task Valid_and_empty_values_are_accepted(string query)
    {
        using var response = await _client.GetAsync("/api/campaign/dashboard?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_unknown_route_is_a_problem_too()
    {
        using var response = await _client.GetAsync("/api/campaign/nothing-here");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
