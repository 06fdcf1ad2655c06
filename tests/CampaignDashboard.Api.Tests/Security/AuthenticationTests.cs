using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>Authentication:Mode=JwtBearer with a symmetric key: every /api route needs a valid token; health does not.</summary>
public sealed class AuthenticationTests
{
    private const string Dashboard = "/api/campaign/dashboard";
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new DashboardApiFactory(settings: TestTokens.Settings());
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task No_token_is_a_401_problem_with_a_bearer_challenge()
    {
        using var response = await _client.GetAsync(Dashboard);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<int>(), Is.EqualTo(401));
        });
    }

    private static IEnumerable<TestCaseData> RejectedTokens()
    {
        yield return new TestCaseData((Func<string>)(() => TestTokens.Create(signingKey: "another-key-of-the-same-length-0123456789-abcdefghijklmn")))
            .SetName("Wrong signature is a 401");
        yield return new TestCaseData((Func<string>)(() => TestTokens.Create(audience: "some-other-api"))).SetName("Wrong audience is a 401");
        yield return new TestCaseData((Func<string>)(() => TestTokens.Create(issuer: "https://someone-else.test"))).SetName("Wrong issuer is a 401");
        yield return new TestCaseData((Func<string>)(() => TestTokens.Create(
            notBefore: DateTime.UtcNow.AddMinutes(-30), expires: DateTime.UtcNow.AddMinutes(-5)))).SetName("Expired token is a 401");
        yield return new TestCaseData((Func<string>)(() => TestTokens.Create(
            notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(20)))).SetName("Not yet valid token is a 401");
        yield return new TestCaseData((Func<string>)(() => TestTokens.WithoutSignature())).SetName("Unsigned alg none token is a 401");
        yield return new TestCaseData((Func<string>)(() => TestTokens.Create()[..^4] + "AAAA")).SetName("Tampered signature is a 401");
        yield return new TestCaseData((Func<string>)(() => "not-a-jwt")).SetName("Garbage token is a 401");
    }

    [TestCaseSource(nameof(RejectedTokens))]
    public async Task A_token_that_does_not_belong_is_rejected(Func<string> token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token());
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), body);
            Assert.That(body, Does.Not.Contain("IDX"), "no token-validation internals in the body");
        });
    }

    [Test]
    public async Task A_valid_token_is_a_200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard + "?start_date=2024-01-01&end_date=2024-12-31");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create());
        using var response = await _client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_valid_token_still_gets_400_for_bad_input()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard + "?start_date=nope");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create());
        using var response = await _client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("/api/campaign/nothing-here")]
    [TestCase("/api/")]
    public async Task Every_api_route_needs_a_token(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_stays_anonymous_and_says_nothing_but_its_status(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo("Healthy"));
            Assert.That(response.Headers.CacheControl?.NoStore ?? response.Headers.CacheControl?.NoCache, Is.True, "probes are not cached");
        });
    }

    [Test]
    public async Task Swagger_shows_the_bearer_scheme_and_requires_it_for_the_dashboard()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        var operation = document["paths"]!["/api/campaign/dashboard"]!["get"]!;
        Assert.Multiple(() =>
        {
            Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("http"));
            Assert.That(scheme["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
            Assert.That(scheme["bearerFormat"]!.GetValue<string>(), Is.EqualTo("JWT"));
            Assert.That(operation["security"]!.AsArray().Select(s => s!.AsObject().Single().Key), Does.Contain("Bearer"));
            Assert.That(document["paths"]!.AsObject().Select(p => p.Key), Has.None.StartsWith("/health"), "health is not part of the API's contract");
        });
    }

    [Test]
    public async Task Without_authentication_the_document_has_no_security_scheme()
    {
        using var open = new DashboardApiFactory();
        using var client = open.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        Assert.That(document["components"]!["securitySchemes"], Is.Null);
    }
}
