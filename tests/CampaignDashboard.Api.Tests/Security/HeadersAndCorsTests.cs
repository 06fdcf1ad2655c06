using System.Net;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>Response headers, HTTPS outside Development, and CORS from Cors:AllowedOrigins only.</summary>
public sealed class HeadersAndCorsTests
{
    private const string Dashboard = "/api/campaign/dashboard";

    [Test]
    public async Task Over_real_Kestrel_there_is_no_Server_banner_and_nosniff_on_every_answer()
    {
        using var factory = new DashboardApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        Assert.That(client.BaseAddress!.IsLoopback && client.BaseAddress.Port != 80, Is.True, $"a real socket: {client.BaseAddress}");
        foreach (var (path, status) in new[]
                 {
                     (Dashboard, HttpStatusCode.OK), (Dashboard + "?start_date=x", HttpStatusCode.BadRequest),
                     ("/api/nothing", HttpStatusCode.NotFound), ("/health/live", HttpStatusCode.OK), ("/", HttpStatusCode.OK),
                 })
        {
            using var response = await client.GetAsync(path);
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(status), path);
                Assert.That(response.Headers.Contains("Server"), Is.False, $"{path}: Server header");
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), path);
                Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), path);
            });
        }
    }

    [Test]
    public async Task Outside_Development_plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_HSTS()
    {
        using var factory = new DashboardApiFactory(environment: "Production", settings: TestTokens.Settings(new() { ["https_port"] = "443" }));
        using var plain = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://dashboard.test"),
        });
        using var secure = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://dashboard.test"),
        });

        using var redirected = await plain.GetAsync(Dashboard + "?end_date=2024-12-31");
        using var probe = await plain.GetAsync("/health/live");
        using var answered = await secure.GetAsync("/health/live");
        Assert.Multiple(() =>
        {
            Assert.That(redirected.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(redirected.Headers.Location?.ToString(), Does.StartWith("https://dashboard.test/api/campaign/dashboard"));
            Assert.That(probe.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health probes are not redirected");
            Assert.That(answered.Headers.Contains("Strict-Transport-Security"), Is.True, "HSTS");
        });
    }

    [Test]
    public async Task In_Development_there_is_neither_redirection_nor_HSTS()
    {
        using var factory = new DashboardApiFactory(environment: "Development", settings: new Dictionary<string, string?> { ["https_port"] = "443" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/health/live");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
        });
    }

    [Test]
    public async Task By_default_no_origin_is_allowed()
    {
        using var factory = new DashboardApiFactory();
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(Preflight("https://dashboard.example.com"));
        using var simple = await client.SendAsync(CrossOriginGet("https://dashboard.example.com"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(simple.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    [Test]
    public async Task Only_the_configured_origins_are_allowed()
    {
        using var factory = new DashboardApiFactory(settings: TestTokens.Settings(new()
        {
            ["Cors:AllowedOrigins:0"] = "https://dashboard.example.com",
            ["Cors:AllowedOrigins:1"] = "http://localhost:5173",
        }));
        using var client = factory.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://dashboard.example.com"));
        using var other = await client.SendAsync(Preflight("https://evil.example.net"));
        using var get = await client.SendAsync(CrossOriginGet("http://localhost:5173"));
        Assert.Multiple(() =>
        {
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a preflight is answered before authentication");
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://dashboard.example.com" }));
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("authorization").IgnoreCase);
            Assert.That(other.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "CORS does not replace authentication");
            Assert.That(get.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "http://localhost:5173" }));
        });
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Dashboard);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    private static HttpRequestMessage CrossOriginGet(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Dashboard);
        request.Headers.Add("Origin", origin);
        return request;
    }
}
