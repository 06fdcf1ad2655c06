using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// Contract section 2: a parameter the endpoint does not know, or a single-valued one given twice, is a 400 naming it,
/// on every endpoint; "10+" sent unencoded (read as "10 ") gets a hint to encode '+'.
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.Each))]
public sealed class StrictParameterTests(EngineUnderTest engine) : EngineFixture(engine)
{
    // Every endpoint with the parameters it needs to answer 200 otherwise.
    private static readonly string[] Endpoints =
    [
        "/api/campaign/dashboard?",
        "/api/campaign/segment-schemes?",
        "/api/campaign/customers?",
        "/api/campaign/customers/export?",
        "/api/campaign/segment-migration?from_date=2024-01-01&to_date=2025-01-01&",
        "/api/campaign/segment-migration/customers?from_date=2024-01-01&to_date=2025-01-01&from_segment=CHAMPIONS&to_segment=NOT%20ACTIVE&",
        "/api/campaign/segment-migration/customers/export?from_date=2024-01-01&to_date=2025-01-01&from_segment=CHAMPIONS&to_segment=NOT%20ACTIVE&",
    ];

    [TestCaseSource(nameof(Endpoints))]
    public async Task Every_endpoint_answers_its_own_parameters(string endpoint)
    {
        using var response = await Client.GetAsync(endpoint.TrimEnd('&', '?'));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task An_unknown_parameter_is_a_400_naming_it(string endpoint)
    {
        var errors = await ErrorsAsync(endpoint + "customer_nam=smith");
        Assert.That(errors["customer_nam"]?[0]?.GetValue<string>(), Does.StartWith("is not a parameter of this endpoint"), errors.ToJsonString());
    }

    [TestCase("/api/campaign/dashboard?start_date=2024-01-01&start_date=2024-06-01", "start_date")]
    [TestCase("/api/campaign/dashboard?customer_name=smith&Customer_Name=jones", "customer_name")]
    [TestCase("/api/campaign/customers?page=1&page=2", "page")]
    [TestCase("/api/campaign/customers/export?sort=spend&sort=-spend", "sort")]
    [TestCase("/api/campaign/segment-migration?from_date=2024-01-01&to_date=2025-01-01&window_days=30&window_days=60", "window_days")]
    public async Task A_single_valued_parameter_given_twice_is_a_400_naming_it(string url, string parameter)
    {
        var errors = await ErrorsAsync(url);
        Assert.That(errors[parameter]?[0]?.GetValue<string>(), Is.EqualTo("is given 2 times; it takes one value"), errors.ToJsonString());
    }

    [Test]
    public async Task A_multi_valued_parameter_may_be_repeated()
    {
        using var response = await Client.GetAsync("/api/campaign/dashboard?r_score=1&r_score=2&segment=CHAMPIONS&segment=NEW%20CUSTOMERS");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_unencoded_plus_gets_a_hint_to_encode_it()
    {
        var errors = await ErrorsAsync("/api/campaign/dashboard?f_value_bucket=10+");
        Assert.That(errors["f_value_bucket"]?[0]?.GetValue<string>(), Does.Contain("encode + as %2B"), errors.ToJsonString());
    }

    [Test]
    public async Task An_unknown_label_without_a_lost_plus_gets_no_hint()
    {
        var errors = await ErrorsAsync("/api/campaign/dashboard?f_value_bucket=11+");
        Assert.That(errors["f_value_bucket"]?[0]?.GetValue<string>(), Does.Not.Contain("%2B"), errors.ToJsonString());
    }

    private async Task<JsonObject> ErrorsAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonNode.Parse(body)!["errors"]!.AsObject();
    }
}
