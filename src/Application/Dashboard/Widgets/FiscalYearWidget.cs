using AutoMapper;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Figures;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>`fiscal_year_data`: new and old customers per fiscal year with activity, ascending.</summary>
public sealed class FiscalYearWidget(IMapper mapper, IOptions<DashboardOptions> options) : SqlWidget<FiscalYearCount>("fiscal_year")
{
    protected override DashboardPiece Fill(IReadOnlyList<FiscalYearCount> rows, DashboardFilter filter)
    {
        var calendar = options.Value.FiscalCalendar;
        var items = rows
            .OrderBy(y => y.FiscalYear)
            .Select(y => new FiscalYearActivity(calendar.Label(y.FiscalYear), y.TotalCustomers, y.NewCustomers))
            .Select(mapper.Map<FiscalYearItemDto>)
            .ToArray();
        return dashboard => dashboard with { FiscalYearData = items };
    }
}
