using CampaignDashboard.Application;
using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Dashboard.Widgets;
using CampaignDashboard.Domain.Figures;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CampaignDashboard.UnitTests.Application;

/// <summary>The use case through the real mediator pipeline and the real widgets, with the engine's query port mocked.</summary>
public sealed class GetDashboardQueryHandlerTests
{
    private readonly List<(string Widget, DashboardFilter Filter, CancellationToken Token)> _calls = [];
    private IServiceCollection _registrations = null!;
    private ServiceProvider _services = null!;
    private Mock<IDashboardQueries> _queries = null!;
    private long _dataVersion;

    [SetUp]
    public void SetUp()
    {
        _calls.Clear();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddApplication(autoMapperLicenseKey: null);

        _queries = new Mock<IDashboardQueries>();
        Returns("kpi", new KpiTotals(3, 5, 9, 1830m, 313m, 1, 60, 1));
        Returns("meta", new MetaRow
        {
            AsOfDate = new DateTime(2024, 3, 1), FirstDate = new DateTime(2023, 5, 2), LastDate = new DateTime(2024, 3, 1), HasProfit = true,
        });
        Returns<CategoryCount>("distributions",
            new CategoryCount("r", 1, 1), new CategoryCount("r", 2, 1), new CategoryCount("r", 3, 1),
            new CategoryCount("f", 1, 1), new CategoryCount("f", 2, 1), new CategoryCount("f", 3, 1),
            new CategoryCount("m", 1, 1), new CategoryCount("m", 2, 1), new CategoryCount("m", 3, 1),
            new CategoryCount("recency", 0, 2), new CategoryCount("recency", 1, 1),
            new CategoryCount("visits", 0, 2), new CategoryCount("visits", 1, 1),
            new CategoryCount("spend", 0, 2), new CategoryCount("spend", 1, 1),
            new CategoryCount("return", 2, 1));
        Returns<RfmCell>("segment", new RfmCell(3, 3, 2, 1, 350m, 3), new RfmCell(2, 2, 1, 1, -20m, 1), new RfmCell(1, 1, 3, 1, 1500m, 1));
        Returns<RfGridRow>("rf_grid", new RfGridRow(3, 3, 1, 350m), new RfGridRow(2, 2, 1, -20m), new RfGridRow(1, 1, 1, 1500m));
        Returns<FiscalYearCount>("fiscal_year", new FiscalYearCount(2024, 2, 1), new FiscalYearCount(2023, 3, 3));
        _queries.Setup(q => q.PredictionInputsAsync(It.IsAny<DateOnly>(), It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<PredictionInput>());
        services.AddScoped(_ => _queries.Object);
        _dataVersion = 1;
        var versions = new Mock<IDataVersionSource>();
        versions.Setup(v => v.CurrentAsync(It.IsAny<CancellationToken>())).Returns(() => ValueTask.FromResult(_dataVersion));
        services.AddSingleton(versions.Object);
        _registrations = services;
        _services = services.BuildServiceProvider();
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    [Test]
    public async Task Every_widget_query_is_called_once_with_the_same_filter()
    {
        await SendAsync(new GetDashboardQuery { StartDate = "2024-01-01", CustomerName = "smith", FValueBucket = ["1", " 10+ "] });

        Assert.That(_calls.Select(c => c.Widget), Is.EquivalentTo(new[]
        {
            "kpi", "meta", "distributions", "segment", "rf_grid", "fiscal_year",
        }));
        var filter = _calls[0].Filter;
        Assert.Multiple(() =>
        {
            Assert.That(_calls.Select(c => c.Filter), Is.All.SameAs(filter));
            Assert.That(filter.StartDate, Is.EqualTo(new DateOnly(2024, 1, 1)));
            Assert.That(filter.NameContains, Is.EqualTo("smith"));
            Assert.That(filter.VisitBuckets.Select(b => b.Label), Is.EquivalentTo(new[] { "1", "10+" }));
        });
    }

    [Test]
    public async Task Rows_are_laid_onto_every_category_in_contract_order()
    {
        var dashboard = await SendAsync(new GetDashboardQuery());

        Assert.Multiple(() =>
        {
            Assert.That(dashboard.Kpi, Is.EqualTo(new KpiDto(3, 1.8m, 104.33m, 1830m, 60m, 33.33m)));
            Assert.That(dashboard.RScoreData.Select(s => (s.Score, s.Customers)), Is.EqualTo(new[] { (5, 0L), (4, 0L), (3, 1L), (2, 1L), (1, 1L) }));
            Assert.That(dashboard.RScoreData[2].Percentage, Is.EqualTo(33.33m));
            Assert.That(dashboard.VisitsData, Has.Count.EqualTo(10));
            Assert.That(dashboard.VisitsData[0], Is.EqualTo(new BucketItemDto("1", 2, 66.67m)));
            Assert.That(dashboard.VisitsData[9], Is.EqualTo(new BucketItemDto("10+", 0, 0m)));
            Assert.That(dashboard.DaysToReturnBucketData[2], Is.EqualTo(new BucketItemDto("2-3 Month", 1, 100m)));
            Assert.That(dashboard.SegmentData, Is.EqualTo(new[]
            {
                new SegmentItemDto("CHAMPIONS", 0, 0m, 0m, 0, 0m),
                new SegmentItemDto("POTENTIAL LOYALISTS", 2, 66.67m, 330m, 4, 82.5m),
                new SegmentItemDto("NEW CUSTOMERS", 0, 0m, 0m, 0, 0m),
                new SegmentItemDto("NEED ATTENTION", 1, 33.33m, 1500m, 1, 1500m),
            }));
            Assert.That(dashboard.FiscalYearData, Is.EqualTo(new[]
            {
                new FiscalYearItemDto("FY2023-24", 3, 3, 0, 100m, 0m),
                new FiscalYearItemDto("FY2024-25", 2, 1, 1, 50m, 50m),
            }));
            Assert.That(dashboard.RfGridData, Has.Count.EqualTo(25));
            Assert.That(dashboard.RfGridData[12], Is.EqualTo(new RfGridItemDto(3, 3, 1, 33.33m, 350m, 350m)));
            Assert.That(dashboard.RfGridData[0], Is.EqualTo(new RfGridItemDto(5, 5, 0, 0m, 0m, 0m)));
            Assert.That(dashboard.Meta, Is.EqualTo(new DashboardMetaDto(
                new DateOnly(2024, 3, 1), "contract", "ntile", "GBP", new DateOnly(2023, 5, 2), new DateOnly(2024, 3, 1), HasProfit: true, 4)));
        });
    }

    [Test]
    public async Task Cancelling_the_request_cancels_the_running_widget_queries()
    {
        var kpiToken = new TaskCompletionSource<CancellationToken>();
        _queries.Setup(q => q.RowsAsync<KpiTotals>("kpi", It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>()))
            .Returns((string _, DashboardFilter _, CancellationToken token, IReadOnlyDictionary<string, object?>? _) =>
            {
                kpiToken.TrySetResult(token);
                return Task.Delay(Timeout.Infinite, token).ContinueWith<IReadOnlyList<KpiTotals>>(_ => throw new OperationCanceledException(token), TaskScheduler.Default);
            });
        using var request = new CancellationTokenSource();

        var dashboard = SendAsync(new GetDashboardQuery(), request.Token);
        // A handler that never reaches the widget must fail the test, not hang it.
        var token = await kpiToken.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(token.IsCancellationRequested, Is.False);
        await request.CancelAsync();

        Assert.That(async () => await dashboard, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(token.IsCancellationRequested, Is.True);
    }

    [Test]
    public void A_failing_widget_fails_the_request_and_cancels_the_others()
    {
        var failure = new InvalidOperationException("segment query failed");
        var kpiToken = new TaskCompletionSource<CancellationToken>();
        _queries.Setup(q => q.RowsAsync<RfmCell>("segment", It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>())).Returns(async () =>
        {
            await kpiToken.Task;
            throw failure;
        });

        // KPI runs until it is cancelled; a safety limit keeps a broken handler from hanging the test run.
        using var safetyLimit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _queries.Setup(q => q.RowsAsync<KpiTotals>("kpi", It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>()))
            .Returns((string _, DashboardFilter _, CancellationToken token, IReadOnlyDictionary<string, object?>? _) =>
            {
                kpiToken.TrySetResult(token);
                var either = CancellationTokenSource.CreateLinkedTokenSource(token, safetyLimit.Token);
                return Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => either.Dispose(), TaskScheduler.Default).ContinueWith<IReadOnlyList<KpiTotals>>(_ => throw new OperationCanceledException(), TaskScheduler.Default);
            });

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(new GetDashboardQuery()));
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(kpiToken.Task.Result.IsCancellationRequested, Is.True, "the other widgets are cancelled");
            Assert.That(safetyLimit.IsCancellationRequested, Is.False);
        });
    }

    [Test]
    public async Task A_repeated_request_is_served_from_the_cache_until_the_data_version_changes()
    {
        await SendAsync(new GetDashboardQuery { FValueBucket = ["10+", "1"] });
        await SendAsync(new GetDashboardQuery { FValueBucket = [" 1", "10+ "] }); // the same filter, written differently
        var callsBeforeImport = _calls.Count(c => c.Widget == "kpi");
        _dataVersion = 2;
        await SendAsync(new GetDashboardQuery { FValueBucket = ["1", "10+"] });

        Assert.Multiple(() =>
        {
            Assert.That(callsBeforeImport, Is.EqualTo(1), "the second request is a cache hit");
            Assert.That(_calls.Count(c => c.Widget == "kpi"), Is.EqualTo(2), "a new data version computes again");
        });
    }

    [Test]
    public async Task Different_filters_are_cached_apart()
    {
        await SendAsync(new GetDashboardQuery { CustomerName = "smith" });
        await SendAsync(new GetDashboardQuery { CustomerName = "jones" });
        await SendAsync(new GetDashboardQuery { CustomerName = "jones", StartDate = "2024-01-01" });
        await SendAsync(new GetDashboardQuery { CustomerName = "x|m1", MValueBucket = ["1-1000"] }); // separators inside a name
        await SendAsync(new GetDashboardQuery { CustomerName = "x", MValueBucket = ["1-1000"] });
        Assert.That(_calls.Count(c => c.Widget == "kpi"), Is.EqualTo(5));
    }

    [Test]
    public void Invalid_input_never_reaches_a_widget_query()
    {
        var thrown = Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new GetDashboardQuery { StartDate = "2024-02-30" }));
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Errors.Keys, Is.EquivalentTo(new[] { "start_date" }));
            Assert.That(_calls, Is.Empty);
        });
    }

    [Test]
    public void The_mapping_configuration_is_complete() =>
        _services.GetRequiredService<AutoMapper.IMapper>().ConfigurationProvider.AssertConfigurationIsValid();

    [Test]
    public async Task A_computation_shared_by_two_requests_keeps_its_services_when_the_first_request_is_cancelled()
    {
        // The query port is scoped and disposable, like the engine's per-computation state (work tables).
        var gate = new TaskCompletionSource<IReadOnlyList<KpiTotals>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var kpiQueries = new List<GatedKpiQueries>();
        _services.Dispose();
        _registrations.AddScoped<IDashboardQueries>(_ =>
        {
            var queries = new GatedKpiQueries(_queries.Object, gate.Task);
            lock (kpiQueries)
            {
                kpiQueries.Add(queries);
            }

            return queries;
        });
        _services = _registrations.BuildServiceProvider();
        using var first = new CancellationTokenSource();

        var firstDashboard = SendAsync(new GetDashboardQuery { CustomerName = "smith" }, first.Token);
        var secondDashboard = SendAsync(new GetDashboardQuery { CustomerName = "smith" });
        await first.CancelAsync();
        Assert.That(async () => await firstDashboard, Throws.InstanceOf<OperationCanceledException>());
        var disposedWhileShared = kpiQueries.Any(q => q.AskedForKpi && q.Disposed);
        gate.SetResult([new KpiTotals(3, 5, 9, 1830m, 313m, 1, 60, 1)]);
        var dashboard = await secondDashboard;

        // The prediction's fit reads its inputs through a scope of its own: only computations ask for KPIs.
        var computations = kpiQueries.Where(q => q.AskedForKpi).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(computations, Has.Length.EqualTo(1), "one computation, shared");
            Assert.That(disposedWhileShared, Is.False, "the computation's services outlive the first request");
            Assert.That(dashboard.Kpi.TotalCustomer, Is.EqualTo(3));
            Assert.That(computations.Single().Disposed, Is.True, "and are disposed when the computation ends");
        });
    }

    private async Task<DashboardDto> SendAsync(GetDashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    private void Returns<TRow>(string script, params TRow[] rows) =>
        _queries.Setup(q => q.RowsAsync<TRow>(script, It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>()))
            .Callback((string widget, DashboardFilter filter, CancellationToken token, IReadOnlyDictionary<string, object?>? _) => Record(widget, filter, token))
            .ReturnsAsync(rows);

    private void Record(string widget, DashboardFilter filter, CancellationToken token)
    {
        lock (_calls)
        {
            _calls.Add((widget, filter, token));
        }
    }

    /// <summary>The mocked port, but the KPI rows wait for a gate; disposable like the engine's per-computation state.</summary>
    private sealed class GatedKpiQueries(IDashboardQueries inner, Task<IReadOnlyList<KpiTotals>> gate) : IDashboardQueries, IDisposable
    {
        public bool Disposed { get; private set; }

        public bool AskedForKpi { get; private set; }

        public Task<DateOnly?> AsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
            inner.AsOfDateAsync(filter, cancellationToken);

        public Task<IReadOnlyList<TRow>> RowsAsync<TRow>(
            string script, DashboardFilter filter, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? parameters = null)
        {
            if (script != "kpi")
            {
                return inner.RowsAsync<TRow>(script, filter, cancellationToken, parameters);
            }

            AskedForKpi = true;
            return (Task<IReadOnlyList<TRow>>)(object)gate;
        }

        public IAsyncEnumerable<TRow> StreamAsync<TRow>(
            string script, DashboardFilter filter, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            inner.StreamAsync<TRow>(script, filter, parameters, cancellationToken);

        public Task<IReadOnlyList<TRow>> MigrationRowsAsync<TRow>(
            string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            inner.MigrationRowsAsync<TRow>(script, snapshots, parameters, cancellationToken);

        public IAsyncEnumerable<TRow> StreamMigrationAsync<TRow>(
            string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            inner.StreamMigrationAsync<TRow>(script, snapshots, parameters, cancellationToken);

        public IAsyncEnumerable<PredictionInput> PredictionInputsAsync(DateOnly asOfDate, CancellationToken cancellationToken) =>
            inner.PredictionInputsAsync(asOfDate, cancellationToken);

        public void Dispose() => Disposed = true;
    }
}
