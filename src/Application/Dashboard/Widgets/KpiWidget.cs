using AutoMapper;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Figures;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>`kpi`: the headline figures, from one row of exact totals.</summary>
public sealed class KpiWidget(IMapper mapper) : SqlWidget<KpiTotals>("kpi")
{
    protected override DashboardPiece Fill(IReadOnlyList<KpiTotals> rows, DashboardFilter filter)
    {
        var kpi = mapper.Map<KpiDto>(rows.Single());
        return dashboard => dashboard with { Kpi = kpi };
    }
}
