using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CampaignDashboard.Api.ServiceDefaults;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Common.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// OpenTelemetry (TelemetrySetup): with OTEL_EXPORTER_OTLP_ENDPOINT set, the requests, the database commands and
/// the dashboard's metrics are exported, and nothing exported holds a filter value (nor an exception message);
/// without it nothing is registered. The OTLP endpoint points at a closed port; an in-memory exporter sits beside it.
/// </summary>
public sealed class TelemetryTests
{
    private const string PersonalName = "Zenobia";
    private const string PersonalMobile = "07700900123";
    private const string DashboardPath = "/api/campaign/dashboard";
    private const string PersonalQuery = $"{DashboardPath}?customer_name={PersonalName}&customer_mobile={PersonalMobile}";

    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();
    private DashboardApiFactory _factory = null!;
    private Activity[] _exportedSpans = [];
    private MetricSnapshot[] _exportedMetrics = [];

    [OneTimeSetUp]
    public async Task StartApiAndRequestTheDashboard()
    {
        _factory = new DashboardApiFactory(
            settings: new Dictionary<string, string?> { [TelemetrySetup.OtlpEndpointKey] = "http://127.0.0.1:9" },
            configureServices: services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            });
        await _factory.LoadAsync(RandomDatasets.Generate(7));
        using var client = _factory.CreateClient();

        // Twice the same dashboard (computed, then from the cache), and once a bad request quoting the same values.
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(PersonalQuery);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        using (var bad = await client.GetAsync(PersonalQuery + "&start_date=2024-13-01"))
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        // An outgoing call with the same query string (HttpClient instrumentation covers every client in the process).
        using (var outgoing = new HttpClient())
        {
            Assert.That(
                async () => await outgoing.GetAsync(new Uri("http://127.0.0.1:9" + PersonalQuery)),
                Throws.InstanceOf<HttpRequestException>());
        }

        // A server span ends after its response has reached the client.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (ServerSpans().Length < 3 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        _factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        _exportedSpans = _spans.Snapshot();
        _exportedMetrics = _metrics.Snapshot();
    }

    [OneTimeTearDown]
    public void StopApi() => _factory?.Dispose();

    [Test]
    public void An_ASP_NET_Core_server_span_is_exported_for_each_dashboard_request()
    {
        var server = ServerSpans();
        Assert.That(server, Has.Length.GreaterThanOrEqualTo(3), Describe(_exportedSpans));
        Assert.That(server.Select(s => s.GetTagItem("http.route")), Has.Some.EqualTo("api/campaign/dashboard"));
    }

    [Test]
    public void A_database_command_is_a_client_span_named_by_its_widget()
    {
        var kpi = _exportedSpans.Where(s => s.Source.Name == DashboardTelemetry.Name
                                            && Equals(s.GetTagItem(DashboardTelemetry.WidgetTag), "kpi")).ToArray();
        Assert.That(kpi, Is.Not.Empty, Describe(_exportedSpans));
        Assert.Multiple(() =>
        {
            Assert.That(kpi[0].Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(kpi[0].GetTagItem("db.system.name"), Is.EqualTo("duckdb"));
        });
    }

    [Test]
    public void The_query_string_is_recorded_nowhere_not_even_redacted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_exportedSpans.Where(s => s.GetTagItem("url.query") is not null).Select(s => s.GetTagItem("url.query")), Is.Empty, "url.query");
            Assert.That(_exportedSpans.Select(s => s.GetTagItem("url.full") as string).Where(u => u?.Contains('?', StringComparison.Ordinal) == true), Is.Empty, "url.full");
        });
    }

    [Test]
    public void An_exception_event_keeps_its_type_and_stack_but_not_its_message()
    {
        // The runtime's HttpClient records the refused connection of the outgoing call above.
        var events = _exportedSpans.SelectMany(s => s.Events).Where(e => e.Name == "exception").ToArray();
        Assert.That(events, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => Tag(e, "exception.message")), Is.EqualTo(events.Select(e => Tag(e, "exception.type"))));

            // The message ("Connection refused (127.0.0.1:9)", worded by the OS) names the address; the frames do not.
            Assert.That(events.SelectMany(e => e.Tags).Select(t => Text(t.Value)), Has.None.Contains("127.0.0.1:9"));
        });
    }

    [Test]
    public void No_exported_span_or_metric_holds_personal_data()
    {
        var exported = _exportedSpans.SelectMany(SpanTexts).Concat(_exportedMetrics.SelectMany(MetricTexts)).ToArray();
        Assert.That(exported, Is.Not.Empty);
        Assert.That(
            exported.Where(text => text.Contains(PersonalName, StringComparison.OrdinalIgnoreCase) || text.Contains(PersonalMobile, StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void Cache_hits_and_misses_are_counted_and_the_computation_time_is_measured()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Latest("campaign.dashboard.cache.misses")?.MetricPoints.Sum(p => p.GetSumLong()), Is.GreaterThanOrEqualTo(1), "misses");
            Assert.That(Latest("campaign.dashboard.cache.hits")?.MetricPoints.Sum(p => p.GetSumLong()), Is.GreaterThanOrEqualTo(1), "hits");
            Assert.That(Latest("campaign.dashboard.computation.duration")?.MetricPoints.Sum(p => p.GetHistogramCount()), Is.GreaterThanOrEqualTo(1), "computation time");
        });
    }

    [Test]
    public void Without_an_OTLP_endpoint_no_OpenTelemetry_provider_is_registered()
    {
        using var factory = new DashboardApiFactory(settings: new Dictionary<string, string?> { [TelemetrySetup.OtlpEndpointKey] = null });
        Assert.Multiple(() =>
        {
            Assert.That(factory.Services.GetService<TracerProvider>(), Is.Null);
            Assert.That(factory.Services.GetService<MeterProvider>(), Is.Null);
        });
    }

    private Activity[] ServerSpans() =>
        [.. _spans.Snapshot().Where(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), DashboardPath))];

    private MetricSnapshot? Latest(string name) => _exportedMetrics.LastOrDefault(m => m.Name == name);

    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? string.Empty, span.TraceStateString ?? string.Empty }
            .Concat(span.TagObjects.SelectMany(t => new[] { t.Key, Text(t.Value) }))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={Text(t.Value)}").Append(e.Name)))
            .Concat(span.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={Text(t.Value)}") ?? []));

    private static IEnumerable<string> MetricTexts(MetricSnapshot metric)
    {
        yield return metric.Name;
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{tag.Key}={Text(tag.Value)}";
            }
        }
    }

    private static string Tag(ActivityEvent activityEvent, string key) => Text(activityEvent.Tags.FirstOrDefault(t => t.Key == key).Value);

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join("\n", spans.Select(s => $"{s.Source.Name} {s.Kind} {s.DisplayName}: " +
                                            string.Join(", ", s.TagObjects.Select(t => $"{t.Key}={Text(t.Value)}"))));

    /// <summary>The exporter adds from the threads that end spans while the test reads.</summary>
    private sealed class LockedList<T> : Collection<T>
    {
        private readonly Lock _lock = new();

        public T[] Snapshot()
        {
            lock (_lock)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
