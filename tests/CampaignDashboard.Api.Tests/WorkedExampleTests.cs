using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>The contract's worked example (section 5), with every number written out from the contract.</summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.Each))]
public sealed class WorkedExampleTests(EngineUnderTest engine)
{
    private static readonly RefDataset Example = new(
        [new(1, "Customer One", null, null), new(2, "Customer Two", null, null), new(3, "Customer Three", null, null)],
        [
            new(1, 1, new DateOnly(2024, 1, 1), 100m, 2, 10m),
            new(2, 1, new DateOnly(2024, 1, 1), 50m, 1, 5m),
            new(3, 1, new DateOnly(2024, 3, 1), 200m, 4, null),
            new(4, 2, new DateOnly(2023, 6, 15), 1500m, 3, 300m),
            new(5, 3, new DateOnly(2024, 2, 10), -20m, -1, -2m),
        ]);

    private DashboardApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task LoadExample()
    {
        _factory = await TestEngines.StartAsync(engine);
        await _factory.LoadAsync(Example);
    }

    [OneTimeTearDown]
    public void Dispose() => _factory?.Dispose();

    [Test]
    public async Task The_unfiltered_dashboard_has_the_contracts_numbers()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/campaign/dashboard");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        var expected = JsonNode.Parse("""
        {
          "kpi": { "total_customer": 3, "unit_per_transaction": 1.8, "profit_per_customer": 104.33,
                   "customer_spending": 1830, "days_to_return": 60, "retention_rate": 33.33 },
          "r_score_data": [
            { "score": 5, "label": "Bought Most Recently", "customers": 0, "percentage": 0 },
            { "score": 4, "label": "Bought Recently", "customers": 0, "percentage": 0 },
            { "score": 3, "label": "Bought Some Time Ago", "customers": 1, "percentage": 33.33 },
            { "score": 2, "label": "Bought Long Ago", "customers": 1, "percentage": 33.33 },
            { "score": 1, "label": "Bought Longest Ago", "customers": 1, "percentage": 33.33 } ],
          "f_score_data": [
            { "score": 5, "label": "Most Frequent Visit", "customers": 0, "percentage": 0 },
            { "score": 4, "label": "More Frequent Visit", "customers": 0, "percentage": 0 },
            { "score": 3, "label": "Regular Visit", "customers": 1, "percentage": 33.33 },
            { "score": 2, "label": "Rare Visit", "customers": 1, "percentage": 33.33 },
            { "score": 1, "label": "Most Rarest Visit", "customers": 1, "percentage": 33.33 } ],
          "m_score_data": [
            { "score": 5, "label": "Highest Spend", "customers": 0, "percentage": 0 },
            { "score": 4, "label": "High Spend", "customers": 0, "percentage": 0 },
            { "score": 3, "label": "Medium Spend", "customers": 1, "percentage": 33.33 },
            { "score": 2, "label": "Low Spend", "customers": 1, "percentage": 33.33 },
            { "score": 1, "label": "Lowest Spend", "customers": 1, "percentage": 33.33 } ],
          "r_value_bucket_data": [
            { "label": "1-200", "customers": 2, "percentage": 66.67 },
            { "label": "200-400", "customers": 1, "percentage": 33.33 },
            { "label": "400-600", "customers": 0, "percentage": 0 },
            { "label": "600-800", "customers": 0, "percentage": 0 },
            { "label": "800-1000", "customers": 0, "percentage": 0 },
            { "label": ">1000", "customers": 0, "percentage": 0 } ],
          "visits_data": [
            { "label": "1", "customers": 2, "percentage": 66.67 },
            { "label": "2", "customers": 1, "percentage": 33.33 },
            { "label": "3", "customers": 0, "percentage": 0 }, { "label": "4", "customers": 0, "percentage": 0 },
            { "label": "5", "customers": 0, "percentage": 0 }, { "label": "6", "customers": 0, "percentage": 0 },
            { "label": "7", "customers": 0, "percentage": 0 }, { "label": "8", "customers": 0, "percentage": 0 },
            { "label": "9", "customers": 0, "percentage": 0 }, { "label": "10+", "customers": 0, "percentage": 0 } ],
          "value_data": [
            { "label": "1-1000", "customers": 2, "percentage": 66.67 },
            { "label": "1000-2000", "customers": 1, "percentage": 33.33 },
            { "label": "2000-3000", "customers": 0, "percentage": 0 },
            { "label": "3000-4000", "customers": 0, "percentage": 0 },
            { "label": "4000-5000", "customers": 0, "percentage": 0 },
            { "label": ">5000", "customers": 0, "percentage": 0 } ],
          "days_to_return_bucket_data": [
            { "label": "<1 Month", "customers": 0, "percentage": 0 },
            { "label": "1-2 Month", "customers": 0, "percentage": 0 },
            { "label": "2-3 Month", "customers": 1, "percentage": 100 },
            { "label": "3-6 Month", "customers": 0, "percentage": 0 },
            { "label": "6-12 Month", "customers": 0, "percentage": 0 },
            { "label": "1-2 Yr", "customers": 0, "percentage": 0 },
            { "label": ">2 Yr", "customers": 0, "percentage": 0 } ],
          "segment_data": [
            { "label": "CHAMPIONS", "customers": 0, "percentage": 0, "spending": 0, "bills": 0, "average_order_value": 0 },
            { "label": "POTENTIAL LOYALISTS", "customers": 2, "percentage": 66.67, "spending": 330, "bills": 4, "average_order_value": 82.5 },
            { "label": "NEW CUSTOMERS", "customers": 0, "percentage": 0, "spending": 0, "bills": 0, "average_order_value": 0 },
            { "label": "NEED ATTENTION", "customers": 1, "percentage": 33.33, "spending": 1500, "bills": 1, "average_order_value": 1500 } ],
          "fiscal_year_data": [
            { "fiscal_year": "FY2023-24", "total_customers": 3, "new_customers": 3, "old_customers": 0,
              "new_customer_percentage": 100, "old_customer_percentage": 0 } ],
          "prediction": { "available": false, "reason": "too little history to fit: 1 repeat buyer, at least 100 needed", "model": null,
                          "horizon_days": null, "expected_visits": null, "expected_spend": null, "likely_lapsed_customers": null,
                          "by_segment": null },
          "meta": { "as_of_date": "2024-03-01", "segment_scheme": "contract", "score_method": "ntile", "currency": "GBP",
                    "first_date": "2023-06-15", "last_date": "2024-03-01", "has_profit": true, "fiscal_year_start_month": 4 }
        }
        """)!;
        // rf_grid_data from the example's scores: c1 is (R 3, F 3), c3 (2, 2), c2 (1, 1); every other cell is empty.
        expected["rf_grid_data"] = RfGrid(new() { [(3, 3)] = 350m, [(2, 2)] = -20m, [(1, 1)] = 1500m });

        Assert.That(JsonComparer.Differences(expected, actual), Is.Empty);
    }

    /// <summary>The 25 cells, R 5..1 then F 5..1; each given cell holds one of the three customers with that spend.</summary>
    private static JsonArray RfGrid(Dictionary<(int R, int F), decimal> oneCustomerCells) => new((
        from r in Enumerable.Range(1, 5).Reverse()
        from f in Enumerable.Range(1, 5).Reverse()
        let spend = oneCustomerCells.GetValueOrDefault((r, f))
        let occupied = oneCustomerCells.ContainsKey((r, f))
        select (JsonNode)new JsonObject
        {
            ["r_score"] = r,
            ["f_score"] = f,
            ["customers"] = occupied ? 1 : 0,
            ["percentage"] = occupied ? 33.33m : 0m,
            ["spending"] = occupied ? spend : 0m,
            ["average_spend"] = occupied ? spend : 0m,
        }).ToArray());

    [Test]
    public async Task A_name_is_matched_after_trimming_the_value()
    {
        // Contract section 2: " three " (pasted with spaces) finds customer Three, as "three" does.
        using var client = _factory.CreateClient();
        var actual = JsonNode.Parse(await client.GetStringAsync("/api/campaign/dashboard?customer_name=%20%20three%20"))!;
        Assert.That(actual["kpi"]!["total_customer"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Scores_are_kept_from_the_whole_population_when_a_filter_narrows_the_customers()
    {
        // Customer Three alone: R score 2 and M score 1 as in the unfiltered example, not rescored as a population of one.
        using var client = _factory.CreateClient();
        var actual = JsonNode.Parse(await client.GetStringAsync("/api/campaign/dashboard?customer_name=THREE"))!;

        Assert.Multiple(() =>
        {
            Assert.That(actual["kpi"]!["total_customer"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(actual["r_score_data"]![3]!["customers"]!.GetValue<long>(), Is.EqualTo(1), "R = 2");
            Assert.That(actual["m_score_data"]![4]!["customers"]!.GetValue<long>(), Is.EqualTo(1), "M = 1");
            Assert.That(actual["meta"]!["as_of_date"]!.GetValue<string>(), Is.EqualTo("2024-03-01"));
        });
    }
}
