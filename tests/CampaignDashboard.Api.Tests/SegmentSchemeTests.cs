using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>Segment schemes and score methods over HTTP (contract sections 3 step 4, 7 and 8).</summary>
public sealed class SegmentSchemeTests
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
        _client?.Dispose();
        _factory?.Dispose();
    }

    [Test]
    public async Task Without_ties_the_ties_method_scores_as_ntile_does()
    {
        // Customer i buys on i distinct days with a spend no other customer has: recency, visits and spend all differ.
        var customers = Enumerable.Range(1, 23).Select(i => new RefCustomer(i, $"Customer {i}", null, null)).ToList();
        var transactions = customers.SelectMany(c => Enumerable.Range(0, (int)c.CustomerId).Select(day => new RefTransaction(
            c.CustomerId * 100 + day, c.CustomerId, new DateOnly(2024, 1, 1).AddDays((int)c.CustomerId * 7 + day), 10m + c.CustomerId * 3 + day * 0.01m, 1, null)))
            .ToList();
        var dataset = new RefDataset(customers, transactions);
        await _factory.LoadAsync(dataset);

        var ntile = JsonNode.Parse(await _client.GetStringAsync("/api/campaign/dashboard?score_method=ntile"))!.AsObject();
        var ties = JsonNode.Parse(await _client.GetStringAsync("/api/campaign/dashboard?score_method=ties"))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(ties["meta"]!["score_method"]!.GetValue<string>(), Is.EqualTo("ties"));
            Assert.That(ntile["meta"]!["score_method"]!.GetValue<string>(), Is.EqualTo("ntile"));
            ntile.Remove("meta");
            ties.Remove("meta");
            Assert.That(JsonComparer.Differences(ntile, ties), Is.Empty);
        });
    }

    [Test]
    public async Task With_many_one_time_buyers_ties_gives_them_all_F_1_where_ntile_spreads_them()
    {
        // 40 one-time buyers and 10 who came back: NTILE puts some one-time buyers in F 2 and 3; ties keeps them at 1.
        var customers = Enumerable.Range(1, 50).Select(i => new RefCustomer(i, null, null, null)).ToList();
        var transactions = customers.SelectMany(c => Enumerable.Range(0, c.CustomerId > 40 ? 3 : 1).Select(day => new RefTransaction(
            c.CustomerId * 10 + day, c.CustomerId, new DateOnly(2024, 5, 1).AddDays(day * 30), 100m, 1, null))).ToList();
        var dataset = new RefDataset(customers, transactions);
        await _factory.LoadAsync(dataset);

        var ties = JsonNode.Parse(await _client.GetStringAsync("/api/campaign/dashboard?score_method=ties"))!;
        var expected = ReferenceDashboard.Compute(dataset, RefRequest.None with { ScoreMethod = "ties" });
        Assert.Multiple(() =>
        {
            Assert.That(JsonComparer.Differences(expected, ties), Is.Empty);
            Assert.That(ties["f_score_data"]!.AsArray().Single(i => i!["score"]!.GetValue<int>() == 1)!["customers"]!.GetValue<int>(), Is.EqualTo(40));
        });
    }

    [Test]
    public async Task The_schemes_are_listed_with_their_segments_and_rules()
    {
        var schemes = JsonNode.Parse(await _client.GetStringAsync("/api/campaign/segment-schemes"))!;
        var byName = schemes["schemes"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(schemes["default_scheme"]!.GetValue<string>(), Is.EqualTo("contract"));
            Assert.That(schemes["default_score_method"]!.GetValue<string>(), Is.EqualTo("ntile"));
            Assert.That(byName.Keys, Is.EquivalentTo(new[] { "contract", "rfm10", "rfm11" }));
            Assert.That(byName["rfm11"]!["segments"]!.AsArray().Select(s => s!["label"]!.GetValue<string>()),
                Is.EqualTo(ReferenceDashboard.SchemeLabels("rfm11")));
            var champions = byName["rfm10"]!["segments"]![0]!;
            Assert.That(champions["rule"]!.GetValue<string>(), Is.EqualTo("ranges"));
            Assert.That(champions["r"]!.AsArray().Select(v => v!.GetValue<int>()), Is.EqualTo(new[] { 5, 5 }));
            Assert.That(byName["rfm10"]!["segments"]![10]!["rule"]!.GetValue<string>(), Is.EqualTo("fallback"));
            Assert.That(byName["rfm11"]!["segments"]![0]!["cells"]!.AsArray().Select(v => v!.GetValue<string>()), Does.Contain("555"));
        });
    }

    [Test]
    public async Task The_segment_widget_lists_every_segment_of_the_requested_scheme()
    {
        await _factory.LoadAsync(RandomDatasets.Generate(8801));
        var dashboard = JsonNode.Parse(await _client.GetStringAsync("/api/campaign/dashboard?segment_scheme=RFM10"))!;
        Assert.Multiple(() =>
        {
            Assert.That(dashboard["segment_data"]!.AsArray().Select(s => s!["label"]!.GetValue<string>()), Is.EqualTo(ReferenceDashboard.SchemeLabels("rfm10")));
            Assert.That(dashboard["meta"]!["segment_scheme"]!.GetValue<string>(), Is.EqualTo("rfm10"));
        });
    }

    [TestCase("/api/campaign/dashboard?segment_scheme=gold", "segment_scheme", "allowed schemes: contract, rfm10, rfm11")]
    [TestCase("/api/campaign/dashboard?score_method=rank", "score_method", "allowed methods: ntile, ties")]
    [TestCase("/api/campaign/dashboard?segment_scheme=rfm11&segment=CHAMPIONS,Hibernating,VIP", "segment", "unknown label 'VIP' of segment scheme 'rfm11'")]
    [TestCase("/api/campaign/customers?segment=Hibernating", "segment", "unknown label 'Hibernating' of segment scheme 'contract'")]
    public async Task An_unknown_scheme_method_or_label_is_a_400_naming_what_is_allowed(string url, string parameter, string message)
    {
        using var response = await _client.GetAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { parameter }));
            Assert.That(problem["errors"]![parameter]![0]!.GetValue<string>(), Does.Contain(message));
        });
    }
}
