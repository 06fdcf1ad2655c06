using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// DuckDB aggregates a window's measures a range of customers at a time (a million per statement): with ranges of
/// three customers, every window's dashboard must still equal the reference model, whatever the ranges cut through.
/// </summary>
public sealed class WindowMeasuresInRangesTests
{
    [Test]
    public async Task Windows_aggregated_in_small_ranges_equal_the_reference_model()
    {
        using var factory = new DashboardApiFactory(configureServices: services => services.AddSingleton<IScoredPopulationBuilder>(sp =>
            new DuckDbScoredPopulationBuilder(
                sp.GetRequiredService<DuckDbEngine>(), sp.GetRequiredService<DashboardParameterBinder>(), sp.GetRequiredService<IOptions<DashboardOptions>>())
            {
                CustomersPerRange = 3,
            }));
        using var client = factory.CreateClient();
        var failures = new List<string>();
        var windows = 0;
        for (var seed = 1; windows < 10; seed++)
        {
            var dataset = RandomDatasets.Generate(seed + 7000);
            var dates = dataset.Transactions.Select(t => t.TransactionDate).Order().ToList();
            if (dataset.Customers.Count < 10 || dates.Count < 20)
            {
                continue; // some random datasets are (nearly) empty: nothing to cut into ranges
            }

            windows++;
            await factory.LoadAsync(dataset);
            var request = RefRequest.None with { StartDate = dates[dates.Count / 4], EndDate = dates[^1].AddDays(-7) };

            using var response = await client.GetAsync("/api/campaign/dashboard" + request.ToQueryString());
            var body = await response.Content.ReadAsStringAsync();
            var differences = response.StatusCode == HttpStatusCode.OK
                ? JsonComparer.Differences(ReferenceDashboard.Compute(dataset, request, fiscalYearStartMonth: 4), JsonNode.Parse(body))
                : [$"HTTP {(int)response.StatusCode} {body}"];
            failures.AddRange(differences.Take(5).Select(d => $"dataset seed {seed + 7000}, {request}: {d}"));
        }

        Assert.That(failures, Is.Empty);
    }
}
