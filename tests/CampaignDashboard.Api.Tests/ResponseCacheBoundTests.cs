using System.Net;
using CampaignDashboard.Api.Tests.Security;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests;

/// <summary>Many distinct filters cannot grow the response cache without bound: it keeps Dashboard:ResponseCacheEntries.</summary>
public sealed class ResponseCacheBoundTests
{
    [Test]
    public async Task The_response_cache_keeps_at_most_the_configured_number_of_entries()
    {
        using var factory = new DashboardApiFactory(settings: new Dictionary<string, string?> { ["Dashboard:ResponseCacheEntries"] = "5" });
        await factory.LoadSmallDatasetAsync();
        using var client = factory.CreateClient();
        var atStart = EntriesHeld(factory); // what the start-up warm-up left

        using (var first = await client.GetAsync("/api/campaign/dashboard?customer_name=a"))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var afterOne = EntriesHeld(factory);
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.GetAsync($"/api/campaign/dashboard?customer_name=distinct-{i}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterOne, Is.EqualTo(atStart + 1), "a response is kept");
            Assert.That(EntriesHeld(factory), Is.InRange(1, 5), "never more than the bound");
        });
    }

    // The entries of the memory cache behind HybridCache, whichever implementation holds them.
    private static int EntriesHeld(DashboardApiFactory factory)
    {
        var cache = factory.Services.GetRequiredService<IMemoryCache>();
        return (int)cache.GetType().GetProperty("Count")!.GetValue(cache)!;
    }
}
