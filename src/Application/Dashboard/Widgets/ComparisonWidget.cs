using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>
/// `comparison` (contract section 9): the KPI and segment widgets over the compare window, with its own population and
/// scores, and the change of every KPI. Laid on after the main KPIs (<see cref="Order"/>), which the change reads.
/// </summary>
public sealed class ComparisonWidget(KpiWidget kpi, SegmentWidget segments) : IDashboardWidget
{
    public string Name => "comparison";

    public int Order => 1;

    public async Task<DashboardPiece> ComputeAsync(IDashboardQueries queries, DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Comparison is not { } window)
        {
            return dashboard => dashboard;
        }

        var compare = filter.ForComparison();
        var kpiPiece = kpi.ComputeAsync(queries, compare, cancellationToken);
        var segmentPiece = segments.ComputeAsync(queries, compare, cancellationToken);
        var compared = (await segmentPiece)((await kpiPiece)(new DashboardDto()));
        return dashboard => dashboard with
        {
            Comparison = new ComparisonDto(
                new ComparisonWindowDto(window.Start, window.End), compared.Kpi, compared.SegmentData, Change(dashboard.Kpi, compared.Kpi)),
        };
    }

    /// <summary>Per KPI, the main window's reported (rounded) value minus the compare window's.</summary>
    private static KpiDto Change(KpiDto main, KpiDto compare) => new(
        main.TotalCustomer - compare.TotalCustomer,
        main.UnitPerTransaction - compare.UnitPerTransaction,
        main.ProfitPerCustomer - compare.ProfitPerCustomer,
        main.CustomerSpending - compare.CustomerSpending,
        main.DaysToReturn - compare.DaysToReturn,
        main.RetentionRate - compare.RetentionRate);
}
