using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// A database file damaged under a running service (a block of its data fails its checksum, the catalog still opens):
/// no retry repairs it, so the answer says what is wrong and what to do instead of inviting retries, and readiness
/// fails so that an orchestrator stops routing to it.
/// </summary>
public sealed class DamagedDatabaseTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("campaign-damaged-tests-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_corrupt_block_is_a_503_that_says_restore_or_reimport_without_Retry_After_and_fails_readiness()
    {
        var path = Path.Combine(_directory, "dashboard.duckdb");
        using (var loader = new DashboardApiFactory(databasePath: path))
        {
            await loader.LoadSmallDatasetAsync(customers: 3000, transactions: 30000);
        }

        await DamagedDatabaseFiles.CorruptTableAsync(path, "campaign.customer_days");
        using var factory = new DashboardApiFactory(databasePath: path);
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the catalog opens: ready until the damage is met");

        using var response = await client.GetAsync("/api/campaign/dashboard");
        var body = await response.Content.ReadAsStringAsync();
        using var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            Assert.That(response.Headers.Contains("Retry-After"), Is.False, "no retry repairs a damaged file");
            Assert.That(JsonNode.Parse(body)!["detail"]!.GetValue<string>(),
                Does.Contain("damaged").And.Contain("restore it from a backup or import the data again"));
            Assert.That(body, Does.Not.Contain("recovers by itself").And.Not.Contain(path), "no internals");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready: a damaged file does not come back by itself");
        });
    }
}
