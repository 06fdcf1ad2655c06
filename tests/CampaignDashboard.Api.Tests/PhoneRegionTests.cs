using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// Contract section 2, "Mobile numbers", with Dashboard:PhoneRegion=GB: each way a person types a number finds the
/// customer whichever way it was stored, as the reference model says, on the dashboard and the customers list;
/// a number impossible in the region is a 400.
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.Each))]
public sealed class PhoneRegionTests(EngineUnderTest engine)
{
    private const string Region = "GB";

    // The same number stored nationally and internationally, a neighbour, and forms the contract does not equate.
    private static readonly RefCustomer[] Customers =
    [
        new(1, "Stored nationally", "07700 900123", null),
        new(2, "Stored internationally", "+44 7700 900123", null),
        new(3, "Stored internationally, no plus", "447700900123", null),
        new(4, "A neighbour", "07700 900124", null),
        new(5, "Stored with the international prefix", "0044 7700 900123", null),
        new(6, "Stored without the trunk prefix", "7700 900123", null),
    ];

    private static readonly RefDataset Dataset = new(
        Customers,
        [.. Customers.Select(c => new RefTransaction(c.CustomerId, c.CustomerId, new DateOnly(2025, 1, (int)c.CustomerId), 100m * c.CustomerId, 1, null))]);

    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    public static IEnumerable<string> TypedFormats() => ["07700 900123", "+44 7700 900123", "0044 7700 900123", "(07700) 900-123", "447700900123"];

    [OneTimeSetUp]
    public async Task StartApi()
    {
        var sqlServer = engine == EngineUnderTest.SqlServer ? await SqlServerTestDatabase.CreateAsync() : null;
        _factory = new DashboardApiFactory(sqlServer: sqlServer, settings: new Dictionary<string, string?> { ["Dashboard:PhoneRegion"] = Region });
        _client = _factory.CreateClient();
        await _factory.LoadAsync(Dataset);
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    [TestCaseSource(nameof(TypedFormats))]
    public async Task A_typed_number_finds_the_customers_the_reference_model_finds(string typed)
    {
        var request = RefRequest.None with { CustomerMobile = typed, PhoneRegion = Region };
        var expectedIds = ReferenceDashboard.Customers(Dataset, request, "customer_id").Select(c => (long)c["customer_id"]!).ToArray();

        using var dashboard = await _client.GetAsync("/api/campaign/dashboard" + request.ToQueryString());
        using var customers = await _client.GetAsync("/api/campaign/customers" + request.ToQueryString() + "&sort=customer_id");
        var dashboardBody = await dashboard.Content.ReadAsStringAsync();
        var customersBody = await customers.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            // The contract's point: stored nationally (1) or internationally (2, 3) is the same number.
            Assert.That(expectedIds, Is.EqualTo(new long[] { 1, 2, 3 }), "the reference model");
            Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK), dashboardBody);
            Assert.That(JsonComparer.Differences(ReferenceDashboard.Compute(Dataset, request), JsonNode.Parse(dashboardBody)), Is.Empty);
            Assert.That(customers.StatusCode, Is.EqualTo(HttpStatusCode.OK), customersBody);
            Assert.That(JsonNode.Parse(customersBody)!["items"]!.AsArray().Select(c => (long)c!["customer_id"]!), Is.EqualTo(expectedIds));
        });
    }

    [TestCase("12345678", "not a valid phone number of region GB")]
    [TestCase("07700 9001234567", "too long")]
    [TestCase("+999 7700900123", "unknown country code")]
    public async Task A_number_impossible_in_the_region_is_a_400(string typed, string reason)
    {
        using var response = await _client.GetAsync("/api/campaign/dashboard?customer_mobile=" + Uri.EscapeDataString(typed));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonNode.Parse(body)!["errors"]!["customer_mobile"]![0]!.GetValue<string>(), Does.Contain(reason));
    }
}
