using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Rfm;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>The as-of date and the extent of the whole data (not the selection), as meta.sql returns them.</summary>
/// <remarks>Dates arrive as DateTime from both engines.</remarks>
public sealed class MetaRow
{
    public DateTime? AsOfDate { get; init; }

    public DateTime? FirstDate { get; init; }

    public DateTime? LastDate { get; init; }

    public bool HasProfit { get; init; }
}

/// <summary>
/// `meta`: the as-of date the figures were computed at, the segment scheme and the score method, and what a reader
/// needs to read the figures: the currency, the data's first and last day, whether it has profit, the fiscal year's
/// first month.
/// </summary>
public sealed class MetaWidget(IOptions<DashboardOptions> options) : SqlWidget<MetaRow>("meta")
{
    protected override DashboardPiece Fill(IReadOnlyList<MetaRow> rows, DashboardFilter filter)
    {
        var extent = rows.Count > 0 ? rows[0] : new MetaRow();
        var meta = new DashboardMetaDto(
            DateOf(extent.AsOfDate),
            filter.Scheme.Name,
            filter.ScoreMethod.Name(),
            options.Value.Currency,
            DateOf(extent.FirstDate),
            DateOf(extent.LastDate),
            extent.HasProfit,
            options.Value.FiscalYearStartMonth);
        return dashboard => dashboard with { Meta = meta };
    }

    private static DateOnly? DateOf(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;
}
