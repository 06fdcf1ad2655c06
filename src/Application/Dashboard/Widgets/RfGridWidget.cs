using AutoMapper;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Figures;
using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>Customers and spend of the selection in one (R, F) cell.</summary>
public sealed record RfGridRow(int RScore, int FScore, long Customers, decimal Spend);

/// <summary>`rf_grid_data`: the R x F heatmap, all 25 cells, R from 5 down to 1 and within it F from 5 down to 1.</summary>
public sealed class RfGridWidget(IMapper mapper) : SqlWidget<RfGridRow>("rf_grid")
{
    protected override DashboardPiece Fill(IReadOnlyList<RfGridRow> rows, DashboardFilter filter)
    {
        var total = rows.Sum(row => row.Customers);
        var items = (
                from r in RfmScores.Descending
                from f in RfmScores.Descending
                let cell = rows.Where(row => row.RScore == r && row.FScore == f).ToArray()
                select new RfGridCell(r, f, cell.Sum(row => row.Customers), total, cell.Sum(row => row.Spend)))
            .Select(mapper.Map<RfGridItemDto>)
            .ToArray();
        return dashboard => dashboard with { RfGridData = items };
    }
}
