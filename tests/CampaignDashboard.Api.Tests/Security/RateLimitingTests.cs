using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>RateLimiting:PermitLimit per RateLimiting:WindowSeconds per client; over it, 429 problem details with Retry-After.</summary>
public sealed class RateLimitingTests
{
    private const string Dashboard = "/api/campaign/dashboard";
    private const int Limit = 3;

    [Test]
    public async Task Over_the_limit_is_a_429_problem_with_Retry_After()
    {
        using var factory = new DashboardApiFactory(settings: Limited());
        using var client = factory.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await client.GetAsync(Dashboard);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1} of {Limit}");
        }

        using var response = await client.GetAsync(Dashboard);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
            Assert.That(retryAfter, Is.Not.Null, "Retry-After");
            Assert.That(int.Parse(retryAfter!, CultureInfo.InvariantCulture), Is.InRange(1, 60));
            var problem = JsonNode.Parse(body)!;
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(429));
            Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo("https://tools.ietf.org/html/rfc6585#section-4"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"At most {Limit} requests per 60 s"));
        });
    }

    [Test]
    public async Task Health_swagger_and_the_page_are_not_limited()
    {
        using var factory = new DashboardApiFactory(settings: Limited());
        using var client = factory.CreateClient();
        for (var i = 0; i <= Limit; i++)
        {
            (await client.GetAsync(Dashboard)).Dispose();
        }

        foreach (var path in new[] { "/health/live", "/health/ready", "/swagger/v1/swagger.json", "/" })
        {
            for (var i = 0; i <= Limit; i++)
            {
                using var response = await client.GetAsync(path);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            }
        }
    }

    [Test]
    public async Task Each_authenticated_caller_has_a_budget_of_its_own()
    {
        using var factory = new DashboardApiFactory(settings: TestTokens.Settings(Limited()));
        using var client = factory.CreateClient();
        var alice = TestTokens.Create(subject: "alice");
        var bob = TestTokens.Create(subject: "bob");

        for (var i = 0; i < Limit; i++)
        {
            Assert.That(await StatusAsync(client, alice), Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await StatusAsync(client, alice), Is.EqualTo(HttpStatusCode.TooManyRequests), "alice is over her limit");
            Assert.That(await StatusAsync(client, bob), Is.EqualTo(HttpStatusCode.OK), "bob is not");
        });
    }

    [Test]
    public async Task Anonymous_callers_are_limited_too_so_guessing_tokens_is_slowed_down()
    {
        using var factory = new DashboardApiFactory(settings: TestTokens.Settings(Limited()));
        using var client = factory.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            Assert.That(await StatusAsync(client, token: null), Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That(await StatusAsync(client, token: null), Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task A_permit_limit_of_0_turns_limiting_off()
    {
        using var factory = new DashboardApiFactory(settings: new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "0", ["RateLimiting:WindowSeconds"] = "60" });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 650; i++)
        {
            using var response = await client.GetAsync(Dashboard + "?end_date=2024-12-31");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK), "650 requests in a few seconds, more than the default 600 per 60 s");
    }

    private static Dictionary<string, string?> Limited() => new()
    {
        ["RateLimiting:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:WindowSeconds"] = "60",
    };

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
