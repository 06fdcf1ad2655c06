using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// Abuse: thousands of generated hostile query strings against the in-memory API over a real DuckDB file. None is
/// a 5xx, every answer is a 200 or a 400 problem, and afterwards both tables have the same rows, checksums and the
/// schema the same tables.
/// </summary>
public sealed class HostileQueryTests
{
    private const int Count = 6_000;
    private const int Seed = 20_250_601;

    [Test]
    public async Task Thousands_of_hostile_query_strings_are_never_a_5xx_and_change_nothing()
    {
        using var factory = new DashboardApiFactory();
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        await factory.LoadSmallDatasetAsync();
        var before = await factory.FingerprintAsync();
        using var baseline = await client.GetAsync("/api/campaign/dashboard");
        var baselineBody = await baseline.Content.ReadAsStringAsync();

        var queries = HostileQueries.Generate(Count, Seed);
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (query, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/campaign/dashboard?" + query, UriKind.Relative));
            using var response = await client.SendAsync(request, cancellationToken);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var problem = response.StatusCode switch
            {
                HttpStatusCode.OK => null,
                HttpStatusCode.BadRequest when response.Content.Headers.ContentType?.MediaType != "application/problem+json" => "a 400 that is not problem details",
                HttpStatusCode.BadRequest => null,
                _ => $"status {(int)response.StatusCode}",
            };
            if (problem is null && body.Contains("   at ", StringComparison.Ordinal))
            {
                problem = "a stack trace in the body";
            }

            if (problem is not null)
            {
                failures.Enqueue($"{problem}: ?{Shorten(query)}\n    {Shorten(body)}");
            }
        });
        clock.Stop();

        var after = await factory.FingerprintAsync();
        using var again = await client.GetAsync("/api/campaign/dashboard");
        var againBody = await again.Content.ReadAsStringAsync();
        TestContext.Out.WriteLine($"{queries.Count} hostile queries in {clock.Elapsed.TotalSeconds:0.0} s: " +
                                  string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.Multiple(() =>
        {
            Assert.That(queries, Has.Count.GreaterThanOrEqualTo(5_000));
            Assert.That(statuses.Values.Sum(), Is.EqualTo(queries.Count), "every query was sent and answered");
            Assert.That(failures, Is.Empty, $"{failures.Count} failures, the first:\n{string.Join("\n", failures.Take(10))}");
            // Most generated queries misspell or repeat a parameter, a 400 since parameters are strict (contract section 2).
            Assert.That(statuses.GetValueOrDefault(HttpStatusCode.OK), Is.GreaterThan(100), "many hostile values are valid input and reach the database");
            Assert.That(statuses.GetValueOrDefault(HttpStatusCode.BadRequest), Is.GreaterThan(500), "many are rejected");
            Assert.That(after, Is.EqualTo(before), "row counts, checksums and tables are unchanged");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(againBody, Is.EqualTo(baselineBody), "the dashboard is the same afterwards");
        });
    }

    [Test]
    public void The_generator_is_deterministic_and_covers_every_family()
    {
        var first = HostileQueries.Generate(Count, Seed);
        var second = HostileQueries.Generate(Count, Seed);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Distinct().Count(), Is.GreaterThan(Count * 9 / 10), "mostly distinct");
            foreach (var marker in new[] { "%27", "DROP", "%00", "%C0%A7", "%ED%A0%80", "%u0027", "%E2%80%AE", "customer%5Fname", "CUSTOMER_NAME", "__proto__" })
            {
                Assert.That(first.Any(q => q.Contains(marker, StringComparison.OrdinalIgnoreCase)), Is.True, marker);
            }

            Assert.That(first.Max(q => q.Length), Is.GreaterThan(20_000), "overlong values");
            Assert.That(first.Any(q => q.Split('&').Length > 100), Is.True, "many repeated parameters");
        });
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"... ({text.Length} chars)";
}
