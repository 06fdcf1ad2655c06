using System.Reflection;
using CampaignDashboard.Application;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Dashboard.Widgets;
using CampaignDashboard.Application.Prediction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CampaignDashboard.UnitTests.Application;

/// <summary>The widgets together make the whole response: each property of the dashboard is one widget's piece.</summary>
public sealed class DashboardWidgetTests
{
    [Test]
    public async Task Every_response_property_is_filled_by_exactly_one_registered_widget()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddApplication(autoMapperLicenseKey: null)
            .AddSingleton(Mock.Of<IDataVersionSource>())
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var widgets = scope.ServiceProvider.GetServices<IDashboardWidget>().ToArray();
        var empty = Sentinel();

        var filledBy = new Dictionary<string, List<string>>();
        foreach (var widget in widgets)
        {
            var piece = await widget.ComputeAsync(EmptyEngine(), WithComparison, CancellationToken.None);
            var filled = piece(empty);
            foreach (var property in typeof(DashboardDto).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => !ReferenceEquals(p.GetValue(filled), p.GetValue(empty))))
            {
                filledBy.TryAdd(property.Name, []);
                filledBy[property.Name].Add(widget.Name);
            }
        }

        Assert.Multiple(() =>
        {
            foreach (var property in typeof(DashboardDto).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.That(filledBy.GetValueOrDefault(property.Name), Has.Count.EqualTo(1), $"widgets filling {property.Name}");
            }

            Assert.That(widgets.Select(w => w.Name), Is.Unique);
        });
    }

    /// <summary>A request every widget fills its piece for (the comparison only with a compare window).</summary>
    private static readonly DashboardFilter WithComparison =
        DashboardFilter.Unfiltered with { Comparison = new DateWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)) };

    /// <summary>A dashboard whose every property is an instance of its own, so that a widget's piece is seen replacing it.</summary>
    private static DashboardDto Sentinel()
    {
        var dashboard = new DashboardDto();
        foreach (var property in typeof(DashboardDto).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            property.SetValue(dashboard, type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? Array.CreateInstance(type.GetGenericArguments()[0], 0)
                : property.GetValue(dashboard) switch
                {
                    KpiDto kpi => kpi with { },
                    DashboardMetaDto meta => meta with { },
                    PredictionDto prediction => prediction with { },
                    null when property.Name == nameof(DashboardDto.Comparison) => null,
                    var other => throw new AssertionException($"No sentinel for {property.Name} ({other?.GetType()}): add one to this test."),
                });
        }

        return dashboard;
    }

    /// <summary>An engine with no data: no rows for a list widget, and the zero totals an engine returns for the KPIs.</summary>
    private static IDashboardQueries EmptyEngine()
    {
        var engine = new Mock<IDashboardQueries>();
        engine.Setup(q => q.RowsAsync<CampaignDashboard.Domain.Figures.KpiTotals>("kpi", It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>()))
            .ReturnsAsync([CampaignDashboard.Domain.Figures.KpiTotals.Empty]);
        engine.Setup(q => q.RowsAsync<CategoryCount>(It.IsAny<string>(), It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>())).ReturnsAsync([]);
        engine.Setup(q => q.RowsAsync<RfmCell>(It.IsAny<string>(), It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>())).ReturnsAsync([]);
        engine.Setup(q => q.RowsAsync<RfGridRow>(It.IsAny<string>(), It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>())).ReturnsAsync([]);
        engine.Setup(q => q.RowsAsync<MetaRow>(It.IsAny<string>(), It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>())).ReturnsAsync([]);
        engine.Setup(q => q.RowsAsync<FiscalYearCount>(It.IsAny<string>(), It.IsAny<DashboardFilter>(), It.IsAny<CancellationToken>(), It.IsAny<IReadOnlyDictionary<string, object?>?>())).ReturnsAsync([]);
        engine.Setup(q => q.PredictionInputsAsync(It.IsAny<DateOnly>(), It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<PredictionInput>());
        return engine.Object;
    }
}
