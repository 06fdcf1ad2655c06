using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

public sealed class OpenApiTests
{
    [Test]
    public async Task The_document_describes_every_parameter_response_and_error()
    {
        using var factory = new DashboardApiFactory();
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operation = document["paths"]!["/api/campaign/dashboard"]!["get"]!;
        var parameters = operation["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);

        Assert.Multiple(() =>
        {
            Assert.That(parameters.Keys, Is.EquivalentTo(new[]
            {
                "start_date", "end_date", "customer_mobile", "customer_name", "r_value_bucket", "f_value_bucket", "m_value_bucket",
                "r_score", "f_score", "m_score", "segment", "segment_scheme", "score_method",
                "compare_start_date", "compare_end_date",
            }));
            Assert.That(parameters.Values.Select(p => p["description"]?.GetValue<string>()), Is.All.Not.Null.And.All.Not.Empty);
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "500" }));
            Assert.That(operation["responses"]!["400"]!["content"]!["application/problem+json"], Is.Not.Null);
            var schemas = document["components"]!["schemas"]!;
            Assert.That(schemas["DashboardDto"]!["properties"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[]
            {
                "kpi", "r_score_data", "f_score_data", "m_score_data", "r_value_bucket_data", "visits_data", "value_data",
                "days_to_return_bucket_data", "segment_data", "rf_grid_data", "fiscal_year_data", "meta",
            }));
        });
    }

    [Test]
    public async Task The_swagger_ui_is_served()
    {
        using var factory = new DashboardApiFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/swagger/index.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger"));
    }
}
