using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.Each))]
public sealed class EmptyDatabaseTests(EngineUnderTest engine)
{
    [Test]
    public async Task An_empty_database_gives_zeros_and_every_category()
    {
        using var factory = await TestEngines.StartAsync(engine);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/campaign/dashboard");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dashboard = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(dashboard["kpi"]!.AsObject().Select(p => p.Value!.GetValue<decimal>()), Is.All.Zero);
            Assert.That(dashboard["kpi"]!.AsObject().Count, Is.EqualTo(6));
            foreach (var (widget, categories) in new[]
                     {
                         ("r_score_data", 5), ("f_score_data", 5), ("m_score_data", 5), ("r_value_bucket_data", 6),
                         ("visits_data", 10), ("value_data", 6), ("days_to_return_bucket_data", 7), ("segment_data", 4),
                         ("rf_grid_data", 25),
                     })
            {
                var items = dashboard[widget]!.AsArray();
                Assert.That(items, Has.Count.EqualTo(categories), widget);
                Assert.That(items.Select(i => i!["customers"]!.GetValue<long>()), Is.All.Zero, widget);
                Assert.That(items.Select(i => i!["percentage"]!.GetValue<decimal>()), Is.All.Zero, widget);
            }

            Assert.That(dashboard["fiscal_year_data"]!.AsArray(), Is.Empty);
            Assert.That(dashboard["meta"]!["as_of_date"], Is.Null);
            Assert.That(dashboard["meta"]!["first_date"], Is.Null);
            Assert.That(dashboard["meta"]!["last_date"], Is.Null);
            Assert.That(dashboard["meta"]!["has_profit"]!.GetValue<bool>(), Is.False);
        });
    }
}
