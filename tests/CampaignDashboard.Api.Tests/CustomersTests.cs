using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;
using CsvHelper;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// GET /api/campaign/customers and its export (contract section 6) against the independent reference model:
/// every field, sort orders with ties, pages and totals, the new score and segment filters; the CSV parses back
/// into exactly the list's rows.
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.Each))]
public sealed class CustomersTests(EngineUnderTest engine) : EngineFixture(engine)
{
    private static readonly string[] SortKeys =
        ["spend", "visits", "recency_days", "last_purchase", "profit", "customer_id", "customer_name", "r_score", "f_score", "m_score",
         "p_alive", "expected_visits", "expected_spend", "predicted_clv"];

    [Test]
    public async Task Pages_equal_the_reference_model()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= 25; seed++)
        {
            var dataset = RandomDatasets.Generate(seed + 7000);
            await Factory.LoadAsync(dataset);
            var rng = new Random(seed);
            foreach (var request in new[] { RefRequest.None }.Concat(Enumerable.Range(0, 4).Select(_ => RandomDatasets.RandomRequest(rng, dataset))))
            {
                var sort = (rng.Next(2) == 0 ? "-" : string.Empty) + SortKeys[rng.Next(SortKeys.Length)];
                var expected = ReferenceDashboard.Customers(dataset, request, sort);
                var pageSize = rng.Next(1, 8);
                var pages = expected.Count / pageSize + 2; // one page past the end too
                for (var page = 1; page <= pages; page++)
                {
                    var query = Query(request, $"sort={Uri.EscapeDataString(sort)}&page={page}&page_size={pageSize}");
                    using var response = await Client.GetAsync("/api/campaign/customers" + query);
                    var body = await response.Content.ReadAsStringAsync();
                    if (sort.TrimStart('-') is "p_alive" or "expected_visits" or "expected_spend" or "predicted_clv"
                        && !ReferenceDashboard.PredictionAvailable(dataset, request))
                    {
                        // Contract section 10: sorting by a prediction field without a prediction is a 400.
                        if (response.StatusCode != HttpStatusCode.BadRequest)
                        {
                            failures.Add($"seed {seed + 7000}, {request}, {query}: HTTP {(int)response.StatusCode}, expected 400 without a prediction");
                        }

                        break;
                    }

                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"seed {seed + 7000}, {request}, {query}: HTTP {(int)response.StatusCode} {body}");
                        break;
                    }

                    var actual = JsonNode.Parse(body)!;
                    var expectedPage = new JsonObject
                    {
                        ["total"] = expected.Count,
                        ["page"] = page,
                        ["page_size"] = pageSize,
                        ["items"] = new JsonArray(expected.Skip((page - 1) * pageSize).Take(pageSize).Select(i => (JsonNode)i.DeepClone()).ToArray()),
                    };
                    actual.AsObject().Remove("meta");
                    var differences = JsonComparer.Differences(expectedPage, actual);
                    if (differences.Count > 0)
                    {
                        failures.Add($"seed {seed + 7000}, {request}, {query}:\n  " + string.Join("\n  ", differences.Take(6)));
                        break;
                    }
                }
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} pages differ from the reference model ({Engine}):\n" + string.Join("\n", failures.Take(4)));
    }

    [Test]
    public async Task Sorts_by_prediction_fields_equal_the_reference_model()
    {
        // A random dataset with enough repeat buyers to fit (section 10): every prediction sort, both directions, two pages.
        var dataset = RandomDatasets.Generate(7);
        Assert.That(ReferenceDashboard.PredictionAvailable(dataset, RefRequest.None), Is.True, "the dataset has a prediction");
        await Factory.LoadAsync(dataset);
        var failures = new List<string>();
        foreach (var sort in new[] { "p_alive", "expected_visits", "expected_spend", "predicted_clv" }.SelectMany(key => new[] { key, "-" + key }))
        {
            var expected = ReferenceDashboard.Customers(dataset, RefRequest.None, sort);
            for (var page = 1; page <= 2; page++)
            {
                var actual = JsonNode.Parse(await Client.GetStringAsync($"/api/campaign/customers?sort={sort}&page={page}&page_size=9"))!["items"];
                var expectedItems = new JsonArray(expected.Skip((page - 1) * 9).Take(9).Select(i => (JsonNode)i.DeepClone()).ToArray());
                failures.AddRange(JsonComparer.Differences(expectedItems, actual).Select(d => $"sort={sort} page {page}: {d}"));
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(6)));
    }

    [Test]
    public async Task The_export_parses_back_into_exactly_the_lists_rows()
    {
        var dataset = RandomDatasets.Generate(7101);
        await Factory.LoadAsync(dataset);
        const string query = "?sort=-visits";
        var list = JsonNode.Parse(await Client.GetStringAsync("/api/campaign/customers" + query + "&page_size=1000"))!;

        using var response = await Client.GetAsync("/api/campaign/customers/export" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var rows = ReadCsv(await response.Content.ReadAsStringAsync());

        var items = list["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'),
                Is.EqualTo($"customers-{list["meta"]!["as_of_date"]!.GetValue<string>()}.csv"));
            Assert.That(rows, Has.Count.EqualTo(items.Count).And.Count.EqualTo(list["total"]!.GetValue<int>()));
            for (var i = 0; i < rows.Count; i++)
            {
                foreach (var (field, value) in items[i]!.AsObject())
                {
                    Assert.That(rows[i][field], Is.EqualTo(CsvText(value)), $"row {i + 1}, {field}");
                }
            }
        });
    }

    [Test]
    public async Task Text_cells_that_would_run_as_a_formula_are_neutralised_and_numbers_are_not()
    {
        await Factory.LoadAsync(
            [new(1, "=HYPERLINK(\"http://x\")", "+44 7700 900123", null), new(2, "-Minus, \"quoted\"", "@home", null)],
            [new(1, 1, new DateOnly(2024, 1, 1), -20m, -1, null), new(2, 2, new DateOnly(2024, 1, 2), 30m, 1, 1m)]);

        var rows = ReadCsv(await Client.GetStringAsync("/api/campaign/customers/export?sort=customer_id"));

        Assert.Multiple(() =>
        {
            Assert.That(rows[0]["customer_name"], Is.EqualTo("'=HYPERLINK(\"http://x\")"));
            Assert.That(rows[0]["mobile"], Is.EqualTo("'+44 7700 900123"));
            Assert.That(rows[0]["spend"], Is.EqualTo("-20.00").Or.EqualTo("-20"), "a negative number stays a number");
            Assert.That(rows[1]["customer_name"], Is.EqualTo("'-Minus, \"quoted\""));
            Assert.That(rows[1]["mobile"], Is.EqualTo("'@home"));
        });
    }

    [Test]
    public async Task A_segment_filter_names_the_export_file()
    {
        await Factory.LoadAsync(RandomDatasets.Generate(7102));
        using var response = await Client.GetAsync("/api/campaign/customers/export?segment=potential%20loyalists&end_date=2025-06-30");
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("customers-2025-06-30-potential-loyalists.csv"));
    }

    [TestCase("/api/campaign/customers?page=0", "page")]
    [TestCase("/api/campaign/customers?page=x", "page")]
    [TestCase("/api/campaign/customers?page_size=1001", "page_size")]
    [TestCase("/api/campaign/customers?page_size=0", "page_size")]
    [TestCase("/api/campaign/customers?sort=-name", "sort")]
    [TestCase("/api/campaign/customers?r_score=6", "r_score")]
    [TestCase("/api/campaign/customers?segment=VIP", "segment")]
    [TestCase("/api/campaign/dashboard?f_score=0", "f_score")]
    [TestCase("/api/campaign/dashboard?segment=VIP", "segment")]
    [TestCase("/api/campaign/dashboard?compare_start_date=2024-01-01", "compare_end_date")]
    [TestCase("/api/campaign/dashboard?compare_end_date=2024-01-01", "compare_start_date")]
    [TestCase("/api/campaign/dashboard?compare_start_date=2024-02-01&compare_end_date=2024-01-01", "compare_start_date")]
    [TestCase("/api/campaign/dashboard?compare_start_date=2024-02-30&compare_end_date=2024-03-01", "compare_start_date")]
    [TestCase("/api/campaign/customers/export?page=1", "page")]
    [TestCase("/api/campaign/customers/export?page_size=10", "page_size")]
    public async Task A_bad_parameter_is_a_400_naming_it(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { parameter }));
        });
    }

    private static string Query(RefRequest request, string more)
    {
        // The list takes the dashboard's filters, not its comparison window (an unknown parameter is a 400).
        var filters = (request with { Compare = null }).ToQueryString();
        return filters.Length == 0 ? "?" + more : filters + "&" + more;
    }

    /// <summary>A CSV body read back with a real CSV reader, one dictionary per row keyed by the header.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string csv)
    {
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray();
            if (header is null)
            {
                header = fields;
                continue;
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    private static string CsvText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => value.GetValue<string>(),
    };
}
