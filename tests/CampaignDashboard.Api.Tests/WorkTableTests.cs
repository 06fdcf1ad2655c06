using System.Net;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.DemoData;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// DuckDB keeps a request's working tables in its in-memory work catalog: scored populations stay for later
/// requests (ScoredPopulationCache) with their cells once a request asks for them, the selection of a mobile or name
/// filter only for its request.
/// </summary>
public sealed class WorkTableTests
{
    private DashboardApiFactory _factory = null!;

    [SetUp]
    public void StartApi() => _factory = new DashboardApiFactory();

    [TearDown]
    public void StopApi() => _factory.Dispose();

    [Test]
    public async Task The_selection_of_a_customer_filter_is_dropped_when_its_request_ends()
    {
        var data = new SyntheticRetailData(100, 1000, seed: 21);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        var name = data.Customers().First(c => c.CustomerName is not null).CustomerName!;
        using var client = _factory.CreateClient();
        var populationsBefore = await WorkTablesAsync("cuts");

        using var response = await client.GetAsync($"/api/campaign/dashboard?customer_name={Uri.EscapeDataString(name)}");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await WorkTablesAsync("cuts"), Is.EqualTo(populationsBefore + 1), "the window's population (its cuts), kept for later requests");
            Assert.That(await WorkTablesAsync("selection"), Is.Zero, "the request's selection");
            Assert.That(await WorkTablesAsync("cells"), Is.Zero, "the request's cells of S");
        });
    }

    [Test]
    public async Task A_window_around_every_visit_shares_the_all_history_population()
    {
        var data = new SyntheticRetailData(100, 1000, seed: 22);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        using var client = _factory.CreateClient();
        using var unfiltered = await client.GetAsync("/api/campaign/dashboard");
        var populations = await WorkTablesAsync("cuts");

        // From 1900 on: every visit, scored from the all-history totals already scored for the request above.
        using var around = await client.GetAsync("/api/campaign/dashboard?start_date=1900-01-01");
        var afterAround = await WorkTablesAsync("cuts");
        var measures = await WorkTablesAsync("measures");
        var firstDay = data.Transactions().Min(t => t.TransactionDate).AddDays(1);
        using var inside = await client.GetAsync($"/api/campaign/dashboard?start_date={firstDay:yyyy-MM-dd}");

        Assert.Multiple(async () =>
        {
            Assert.That((unfiltered.StatusCode, around.StatusCode, inside.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(afterAround, Is.EqualTo(populations), "the same population as without dates");
            Assert.That(await WorkTablesAsync("cuts"), Is.EqualTo(populations + 1), "a window without the first day is another population");
            Assert.That(await WorkTablesAsync("measures"), Is.EqualTo(measures + 1), "whose measures are its own");
        });
    }

    [Test]
    public async Task A_populations_cells_are_made_once_for_every_filter_without_a_mobile_or_name()
    {
        var data = new SyntheticRetailData(100, 1000, seed: 23);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        using var client = _factory.CreateClient();
        using var unfiltered = await client.GetAsync("/api/campaign/dashboard?start_date=2024-01-01");
        var populationCells = await WorkTablesAsync("population_cells");

        using var segment = await client.GetAsync("/api/campaign/dashboard?start_date=2024-01-01&segment=CHAMPIONS");
        using var page = await client.GetAsync("/api/campaign/customers?start_date=2024-01-01&m_value_bucket=1000-2000");

        Assert.Multiple(async () =>
        {
            Assert.That((unfiltered.StatusCode, segment.StatusCode, page.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(await WorkTablesAsync("population_cells"), Is.EqualTo(populationCells), "the window's cells, made for the first request");
            Assert.That(await WorkTablesAsync("cells"), Is.Zero, "the requests' cells of S");
        });
    }

    [Test]
    public async Task A_populations_cells_are_dropped_with_it()
    {
        var data = new SyntheticRetailData(100, 1000, seed: 24);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        using var client = _factory.CreateClient();

        // More windows than the cache keeps: the first ones are dropped, each with its cells.
        for (var month = 1; month <= 6; month++)
        {
            using var response = await client.GetAsync($"/api/campaign/dashboard?start_date=2024-{month:00}-01");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await WorkTablesAsync("population_cells"), Is.EqualTo(await WorkTablesAsync("cuts")), "one table of cells per population kept");
    }

    private async Task<long> WorkTablesAsync(string prefix)
    {
        await using var connection = await _factory.Services.GetRequiredService<IDatabaseEngine>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = $catalog AND starts_with(table_name, $prefix)",
            new { catalog = DuckDbEngine.WorkCatalog, prefix = prefix + "_" });
    }
}
