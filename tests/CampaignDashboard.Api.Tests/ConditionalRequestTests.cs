using System.Net;
using System.Net.Http.Headers;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests;

/// <summary>ETag / If-None-Match, and the server-time header the benchmark reads.</summary>
public sealed class ConditionalRequestTests
{
    private DashboardApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _factory = new DashboardApiFactory();
        await _factory.LoadAsync(RandomDatasets.Generate(7));
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    [Test]
    public async Task A_matching_If_None_Match_is_answered_304_without_a_body()
    {
        using var first = await _client.GetAsync("/api/campaign/dashboard");
        var etag = first.Headers.ETag;
        Assert.That(etag, Is.Not.Null);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/campaign/dashboard");
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await _client.SendAsync(request);

        Assert.Multiple(async () =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.Empty);
            Assert.That(first.Headers.CacheControl?.Private, Is.True, "personal data is not for shared caches");
        });
    }

    [Test]
    public async Task Another_filter_has_another_ETag_and_a_stale_one_gets_the_full_response()
    {
        using var all = await _client.GetAsync("/api/campaign/dashboard");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/campaign/dashboard?f_value_bucket=1");
        request.Headers.IfNoneMatch.Add(all.Headers.ETag!);
        using var filtered = await _client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(filtered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(filtered.Headers.ETag, Is.Not.EqualTo(all.Headers.ETag));
        });
    }

    [Test]
    public async Task The_server_time_is_reported()
    {
        using var response = await _client.GetAsync("/api/campaign/dashboard");
        Assert.That(response.Headers.GetValues("Server-Timing").Single(), Does.Match(@"^app;dur=\d+(\.\d+)?$"));
    }
}
