using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// Randomized datasets (edge cases planted: same-day repeat bills, returns, null profits, score ties, bucket
/// boundaries, customers who never bought) and random valid filters: the HTTP response must equal the
/// independent in-memory reference model field by field.
/// </summary>
[TestFixtureSource(nameof(Fixtures))]
public sealed class ReferenceModelParityTests(EngineUnderTest engine, int fiscalYearStartMonth, int datasets)
{
    private const int RequestsPerDataset = 5;

    public static IEnumerable<TestFixtureData> Fixtures() =>
        from fixture in TestEngines.Each()
        let engine = (EngineUnderTest)fixture.Arguments[0]!
        from shape in new[] { (StartMonth: 4, Datasets: 60), (StartMonth: 1, Datasets: 15), (StartMonth: 12, Datasets: 15) }
        select WithCategories(new TestFixtureData(engine, shape.StartMonth, shape.Datasets), fixture);
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _factory = await TestEngines.StartAsync(engine, fiscalYearStartMonth);
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    private static TestFixtureData WithCategories(TestFixtureData data, TestFixtureData source)
    {
        foreach (var category in source.Properties["Category"].OfType<string>())
        {
            data.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, category);
        }

        return data;
    }

    [Test]
    public async Task Responses_equal_the_reference_model()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= datasets; seed++)
        {
            var dataset = RandomDatasets.Generate(seed + (fiscalYearStartMonth * 1000));
            await _factory.LoadAsync(dataset);
            var rng = new Random(seed);
            var requests = new[] { RefRequest.None }.Concat(Enumerable.Range(0, RequestsPerDataset).Select(_ => RandomDatasets.RandomRequest(rng, dataset)));
            foreach (var request in requests)
            {
                using var response = await _client.GetAsync("/api/campaign/dashboard" + request.ToQueryString());
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"dataset seed {seed + (fiscalYearStartMonth * 1000)}, {request}: HTTP {(int)response.StatusCode} {body}");
                    continue;
                }

                var differences = JsonComparer.Differences(ReferenceDashboard.Compute(dataset, request, fiscalYearStartMonth), JsonNode.Parse(body));
                if (differences.Count > 0)
                {
                    failures.Add($"dataset seed {seed + (fiscalYearStartMonth * 1000)}, {request}:\n  " + string.Join("\n  ", differences.Take(10)));
                }
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} responses differ from the reference model ({engine}, fiscal year start month {fiscalYearStartMonth}):\n" + string.Join("\n", failures.Take(5)));
    }
}
