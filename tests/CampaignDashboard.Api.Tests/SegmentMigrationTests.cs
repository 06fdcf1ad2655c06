using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;
using CsvHelper;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// Segment migration and a flow's customers (contract section 9) against the independent reference model: snapshots
/// with and without window_days, customers appearing and disappearing (NOT ACTIVE), the scheme switch; row conservation.
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.Each))]
public sealed class SegmentMigrationTests(EngineUnderTest engine) : EngineFixture(engine)
{
    private static readonly string?[] Schemes = [null, "rfm10", "rfm11"];

    [Test]
    public async Task Migrations_and_flows_equal_the_reference_model_and_conserve_customers()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= 20; seed++)
        {
            var dataset = RandomDatasets.Generate(seed + 9000);
            if (dataset.Transactions.Count == 0)
            {
                continue;
            }

            await Factory.LoadAsync(dataset);
            var rng = new Random(seed);
            var dates = dataset.Transactions.Select(t => t.TransactionDate).Order().ToList();
            for (var i = 0; i < 3; i++)
            {
                var from = dates[rng.Next(dates.Count)].AddDays(rng.Next(-30, 30));
                var to = from.AddDays(rng.Next(1, 500));
                var migration = new RefMigration(from, to, rng.Next(2) == 0 ? rng.Next(1, 400) : null, Schemes[rng.Next(Schemes.Length)],
                    rng.Next(3) == 0 ? "ties" : null);
                var url = "/api/campaign/segment-migration" + migration.ToQueryString();
                var actual = JsonNode.Parse(await Client.GetStringAsync(url))!;
                var expected = ReferenceDashboard.Migration(dataset, migration);
                var differences = JsonComparer.Differences(expected, actual);
                if (differences.Count > 0)
                {
                    failures.Add($"seed {seed + 9000}, {url}:\n  " + string.Join("\n  ", differences.Take(6)));
                    continue;
                }

                var fromTotal = actual["from_totals"]!.AsArray().Sum(t => t!["customers"]!.GetValue<long>());
                var toTotal = actual["to_totals"]!.AsArray().Sum(t => t!["customers"]!.GetValue<long>());
                var flowTotal = actual["items"]!.AsArray().Sum(t => t!["customers"]!.GetValue<long>());
                if (fromTotal != toTotal || fromTotal != flowTotal)
                {
                    failures.Add($"seed {seed + 9000}, {url}: from_totals {fromTotal}, to_totals {toTotal}, flows {flowTotal}");
                }

                // One flow's customers, a page at a time, in a random order.
                if (actual["items"]!.AsArray().Count == 0)
                {
                    continue;
                }

                var flow = actual["items"]![rng.Next(actual["items"]!.AsArray().Count)]!;
                var (fromLabel, toLabel) = (flow["from_segment"]!.GetValue<string>(), flow["to_segment"]!.GetValue<string>());
                var sort = (rng.Next(2) == 0 ? "-" : string.Empty) + new[] { "customer_id", "spend_before", "spend_after", "last_purchase" }[rng.Next(4)];
                var rows = ReferenceDashboard.FlowCustomers(dataset, migration, fromLabel, toLabel, sort);
                var flowUrl = "/api/campaign/segment-migration/customers" + migration.ToQueryString()
                    + $"&from_segment={Uri.EscapeDataString(fromLabel)}&to_segment={Uri.EscapeDataString(toLabel)}&sort={sort}&page=2&page_size=3";
                var page = JsonNode.Parse(await Client.GetStringAsync(flowUrl))!;
                var expectedPage = new JsonObject
                {
                    ["total"] = rows.Count,
                    ["page"] = 2,
                    ["page_size"] = 3,
                    ["items"] = new JsonArray(rows.Skip(3).Take(3).Select(r => (JsonNode)r.DeepClone()).ToArray()),
                    ["meta"] = ReferenceDashboard.MigrationMeta(migration),
                };
                var pageDifferences = JsonComparer.Differences(expectedPage, page);
                if (pageDifferences.Count > 0 || rows.Count != flow["customers"]!.GetValue<int>())
                {
                    failures.Add($"seed {seed + 9000}, {flowUrl}: flow of {flow["customers"]}, reference {rows.Count}\n  " + string.Join("\n  ", pageDifferences.Take(6)));
                }
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} differ ({Engine}):\n" + string.Join("\n", failures.Take(4)));
    }

    [Test]
    public async Task Champions_a_year_ago_who_have_not_bought_since_are_one_export()
    {
        var dataset = RandomDatasets.Generate(9101);
        await Factory.LoadAsync(dataset);
        var last = dataset.Transactions.Max(t => t.TransactionDate);
        var migration = new RefMigration(last.AddYears(-1), last, WindowDays: 365, SegmentScheme: "rfm11");
        var lost = JsonNode.Parse(await Client.GetStringAsync("/api/campaign/segment-migration" + migration.ToQueryString()))!["from_totals"]!
            .AsArray().First(t => t!["customers"]!.GetValue<int>() > 0)!["label"]!.GetValue<string>();
        var query = migration.ToQueryString() + $"&from_segment={Uri.EscapeDataString(lost)}&to_segment=NOT%20ACTIVE";

        using var response = await Client.GetAsync("/api/campaign/segment-migration/customers/export" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(await response.Content.ReadAsStringAsync())),
            new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var csv = new List<string[]>();
        while (reader.Read())
        {
            csv.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        var expected = ReferenceDashboard.FlowCustomers(dataset, migration, lost, "NOT ACTIVE");
        Assert.Multiple(() =>
        {
            Assert.That(csv[0], Is.EqualTo(new[] { "customer_id", "customer_name", "mobile", "from_segment", "to_segment", "last_purchase", "spend_before", "spend_after" }));
            Assert.That(csv.Skip(1).Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)), Is.EqualTo(expected.Select(r => r["customer_id"]!.GetValue<long>())));
            Assert.That(csv.Skip(1).Select(r => r[4]), Is.All.EqualTo("NOT ACTIVE"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.StartWith("migration-").And.EndWith("-not-active.csv"));
        });
    }

    [TestCase("/api/campaign/segment-migration?to_date=2024-01-01", "from_date")]
    [TestCase("/api/campaign/segment-migration?from_date=2024-01-01", "to_date")]
    [TestCase("/api/campaign/segment-migration?from_date=2024-02-01&to_date=2024-01-01", "from_date")]
    [TestCase("/api/campaign/segment-migration?from_date=2024-01-01&to_date=2024-02-01&window_days=0", "window_days")]
    [TestCase("/api/campaign/segment-migration?from_date=2024-01-01&to_date=2024-02-01&window_days=3651", "window_days")]
    [TestCase("/api/campaign/segment-migration?from_date=2024-01-01&to_date=2024-02-01&segment_scheme=gold", "segment_scheme")]
    [TestCase("/api/campaign/segment-migration/customers?from_date=2024-01-01&to_date=2024-02-01&to_segment=NOT%20ACTIVE", "from_segment")]
    [TestCase("/api/campaign/segment-migration/customers?from_date=2024-01-01&to_date=2024-02-01&from_segment=Lost&to_segment=NOT%20ACTIVE", "from_segment")]
    [TestCase("/api/campaign/segment-migration/customers?from_date=2024-01-01&to_date=2024-02-01&from_segment=CHAMPIONS&to_segment=not%20active&sort=spend", "sort")]
    [TestCase("/api/campaign/segment-migration/customers/export?from_date=2024-01-01&to_date=2024-02-01&from_segment=CHAMPIONS&to_segment=NOT%20ACTIVE&page=1", "page")]
    public async Task A_bad_parameter_is_a_400_naming_it(string url, string parameter)
    {
        using var response = await Client.GetAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { parameter }));
        });
    }
}
