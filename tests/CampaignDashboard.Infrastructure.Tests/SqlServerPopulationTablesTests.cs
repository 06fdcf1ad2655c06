using CampaignDashboard.Application;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CampaignDashboard.Infrastructure.Tests;

/// <summary>
/// SQL Server's population tables across requests, without a server: a fake builder stands for the SELECT ... INTO
/// a ## table and its drop, so what is checked is which tables are built, shared, kept and dropped.
/// </summary>
public sealed class SqlServerPopulationTablesTests
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);
    private static readonly DashboardFilter Window = DashboardFilter.Unfiltered with { StartDate = new DateOnly(2023, 4, 1), EndDate = AsOf };

    [Test]
    public async Task Requests_for_one_window_share_its_table_whatever_their_customer_filters()
    {
        var builder = new FakeBuilder();
        await using var tables = new SqlServerPopulationTables(builder);

        string first;
        await using (var lease = await tables.AcquireAsync(Window with { NameContains = "ann" }, AsOf, 7, CancellationToken.None))
        {
            first = lease.Table;
        }

        await using var second = await tables.AcquireAsync(Window with { MobileDigits = new(["5550100"], StringComparer.Ordinal) }, AsOf, 7, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second.Table, Is.EqualTo(first));
            Assert.That(builder.Built, Has.Count.EqualTo(1));
            Assert.That(builder.Dropped, Is.Empty);
        });
    }

    [Test]
    public async Task A_table_is_built_for_the_window_alone()
    {
        var builder = new FakeBuilder();
        await using var tables = new SqlServerPopulationTables(builder);

        await using var lease = await tables.AcquireAsync(Window with { NameContains = "ann", ScoreMethod = ScoreMethod.Ties }, AsOf, 7, CancellationToken.None);

        Assert.That(builder.Built.Single(), Is.EqualTo((Window with { ScoreMethod = ScoreMethod.Ties }, (DateOnly?)AsOf)));
    }

    public static IEnumerable<TestCaseData> OtherPopulations()
    {
        yield return new TestCaseData(Window with { StartDate = new DateOnly(2023, 5, 1) }, AsOf, 7L).SetArgDisplayNames("start date");
        yield return new TestCaseData(Window with { EndDate = new DateOnly(2024, 2, 29) }, AsOf, 7L).SetArgDisplayNames("end date");
        yield return new TestCaseData(Window with { ScoreMethod = ScoreMethod.Ties }, AsOf, 7L).SetArgDisplayNames("score method");
        yield return new TestCaseData(Window, AsOf.AddDays(-1), 7L).SetArgDisplayNames("as-of date");
        yield return new TestCaseData(Window, AsOf, 8L).SetArgDisplayNames("data version");
    }

    [TestCaseSource(nameof(OtherPopulations))]
    public async Task Another_window_score_method_as_of_date_or_data_version_has_a_table_of_its_own(DashboardFilter filter, DateOnly asOf, long dataVersion)
    {
        var builder = new FakeBuilder();
        await using var tables = new SqlServerPopulationTables(builder);

        await using var first = await tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None);
        await using var second = await tables.AcquireAsync(filter, asOf, dataVersion, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.Table, Is.Not.EqualTo(first.Table));
            Assert.That(builder.Built, Has.Count.EqualTo(2));
        });
    }

    // Data can change behind the data version (views over a retailer's tables): a table is built again after
    // Dashboard:CacheSeconds, when the response cache would also compute again, and every time with the cache off.
    [TestCase(300, 299, 1)]
    [TestCase(300, 301, 2)]
    [TestCase(0, 0, 2)]
    public async Task A_windows_table_is_built_again_after_the_cache_period(int cacheSeconds, int secondsLater, int builds)
    {
        var builder = new FakeBuilder();
        var time = new SteppedTime();
        await using var tables = new SqlServerPopulationTables(builder, cacheSeconds, time);

        await (await tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None)).DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(secondsLater));
        await (await tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None)).DisposeAsync();

        Assert.That(builder.Built, Has.Count.EqualTo(builds));
    }

    [Test]
    public async Task Concurrent_requests_for_one_window_wait_for_one_build()
    {
        var builder = new FakeBuilder { Gate = new TaskCompletionSource() };
        await using var tables = new SqlServerPopulationTables(builder);

        var first = tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None);
        var second = tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None);
        builder.Gate.SetResult();
        await using var one = await first;
        await using var two = await second;

        Assert.Multiple(() =>
        {
            Assert.That(two.Table, Is.EqualTo(one.Table));
            Assert.That(builder.Built, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Beyond_capacity_the_least_recently_used_table_is_dropped_but_never_under_a_reader()
    {
        var builder = new FakeBuilder();
        await using var tables = new SqlServerPopulationTables(builder);
        var held = await tables.AcquireAsync(WindowNumber(0), AsOf, 7, CancellationToken.None);
        foreach (var window in Enumerable.Range(1, SqlServerPopulationTables.Capacity))
        {
            await (await tables.AcquireAsync(WindowNumber(window), AsOf, 7, CancellationToken.None)).DisposeAsync();
        }

        Assert.That(builder.Dropped, Is.Empty, "evicted, but still read");
        await held.DisposeAsync();
        Assert.That(builder.Dropped, Is.EqualTo(new[] { held.Table }), "dropped when its reader is done");

        await (await tables.AcquireAsync(WindowNumber(SqlServerPopulationTables.Capacity + 1), AsOf, 7, CancellationToken.None)).DisposeAsync();
        Assert.That(builder.Dropped, Is.EqualTo(new[] { held.Table, builder.Tables[1] }), "the next least recently used, unread, at once");
    }

    [Test]
    public async Task Every_table_is_dropped_when_the_application_stops()
    {
        var builder = new FakeBuilder();
        var tables = new SqlServerPopulationTables(builder);
        await (await tables.AcquireAsync(WindowNumber(0), AsOf, 7, CancellationToken.None)).DisposeAsync();
        await (await tables.AcquireAsync(WindowNumber(1), AsOf, 7, CancellationToken.None)).DisposeAsync();

        await tables.DisposeAsync();

        Assert.That(builder.Dropped, Is.EquivalentTo(builder.Tables));
    }

    [Test]
    public async Task A_table_whose_session_was_lost_is_built_again()
    {
        var builder = new FakeBuilder();
        await using var tables = new SqlServerPopulationTables(builder);
        string lost;
        await using (var lease = await tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None))
        {
            lost = lease.Table;
        }

        builder.Missing.Add(lost);
        await using var again = await tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again.Table, Is.Not.EqualTo(lost));
            Assert.That(builder.Built, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_table_missing_right_after_its_build_is_an_error_not_a_loop()
    {
        var builder = new FakeBuilder { AllMissing = true };
        await using var tables = new SqlServerPopulationTables(builder);

        Assert.ThrowsAsync<InvalidOperationException>(() => tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None));
        Assert.That(builder.Built, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_failed_build_is_tried_again_by_the_next_request()
    {
        var builder = new FakeBuilder { FailNext = true };
        await using var tables = new SqlServerPopulationTables(builder);

        Assert.ThrowsAsync<TimeoutException>(() => tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None));
        await using var lease = await tables.AcquireAsync(Window, AsOf, 7, CancellationToken.None);

        Assert.That(builder.Built, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_computation_holds_one_table_a_window_at_the_current_data_version_until_it_ends()
    {
        var builder = new FakeBuilder();
        await using var tables = new SqlServerPopulationTables(builder);
        var version = 7L;
        var dataVersion = new Mock<IDataVersionSource>();
        dataVersion.Setup(v => v.CurrentAsync(It.IsAny<CancellationToken>())).Returns(() => ValueTask.FromResult(version));
        var engine = new SqlServerEngine("Server=nowhere", 30);

        await using (var computation = new SqlServerSelectionInputs(tables, dataVersion.Object, engine))
        {
            var definitions = await computation.DefinitionsAsync(Window, AsOf, CancellationToken.None);
            var table = await computation.PopulationAsync(Window with { NameContains = "ann" }, AsOf, CancellationToken.None);
            Assert.That(definitions, Does.StartWith($"population AS (SELECT * FROM {table}),"));
        }

        await using (var next = new SqlServerSelectionInputs(tables, dataVersion.Object, engine))
        {
            await next.PopulationAsync(Window, AsOf, CancellationToken.None);
            Assert.That(builder.Built, Has.Count.EqualTo(1), "the next computation reuses the table");
        }

        version = 8;
        await using (var afterImport = new SqlServerSelectionInputs(tables, dataVersion.Object, engine))
        {
            Assert.That(await afterImport.PopulationAsync(Window, AsOf, CancellationToken.None), Is.EqualTo(builder.Tables[1]));
            foreach (var window in Enumerable.Range(1, SqlServerPopulationTables.Capacity))
            {
                await afterImport.PopulationAsync(WindowNumber(window), AsOf, CancellationToken.None);
            }

            Assert.That(builder.Dropped, Is.EqualTo(new[] { builder.Tables[0] }), "the old version's table, no longer read");
        }

        Assert.That(builder.Dropped, Has.Count.EqualTo(2), "released when the computation ended, the least recently used is dropped");
    }

    [Test]
    public async Task The_SQL_Server_registrations_give_every_computation_the_one_set_of_tables()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Campaign"] = "Server=nowhere;Database=campaign",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddApplication(autoMapperLicenseKey: null)
            .AddInfrastructure(configuration, AppContext.BaseDirectory)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var one = services.CreateAsyncScope();
        await using var two = services.CreateAsyncScope();
        Assert.Multiple(() =>
        {
            Assert.That(one.ServiceProvider.GetRequiredService<ISelectionInputs>(), Is.InstanceOf<SqlServerSelectionInputs>());
            Assert.That(one.ServiceProvider.GetRequiredService<ISelectionInputs>(), Is.Not.SameAs(two.ServiceProvider.GetRequiredService<ISelectionInputs>()));
            Assert.That(one.ServiceProvider.GetRequiredService<SqlServerPopulationTables>(), Is.SameAs(two.ServiceProvider.GetRequiredService<SqlServerPopulationTables>()));
        });
    }

    private static DashboardFilter WindowNumber(int number) => Window with { StartDate = Window.StartDate!.Value.AddDays(number) };

    /// <summary>A clock that moves only when told, from the start of a cache period.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class FakeBuilder : ISqlServerPopulationBuilder
    {
        private readonly Lock _gate = new();

        public List<(DashboardFilter Window, DateOnly? AsOf)> Built { get; } = [];

        public List<string> Tables { get; } = [];

        public List<string> Dropped { get; } = [];

        public HashSet<string> Missing { get; } = [];

        public bool AllMissing { get; init; }

        public bool FailNext { get; set; }

        public TaskCompletionSource? Gate { get; init; }

        public async Task<SharedTable> BuildAsync(DashboardFilter window, DateOnly? asOfDate)
        {
            if (Gate is not null)
            {
                await Gate.Task;
            }

            lock (_gate)
            {
                Built.Add((window, asOfDate));
                if (FailNext)
                {
                    FailNext = false;
                    throw new TimeoutException("the build timed out");
                }

                var name = $"##population_{Tables.Count}";
                Tables.Add(name);
                return new SharedTable(name, () =>
                {
                    lock (_gate)
                    {
                        Dropped.Add(name);
                    }

                    return ValueTask.CompletedTask;
                });
            }
        }

        public Task<bool> ExistsAsync(string table, CancellationToken cancellationToken) =>
            Task.FromResult(!AllMissing && !Missing.Contains(table));
    }
}
