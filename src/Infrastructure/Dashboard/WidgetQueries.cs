using CampaignDashboard.Application.Dashboard.Ports;

namespace CampaignDashboard.Infrastructure.Dashboard;

// One query object per widget: each names its script; DashboardSqlRunner composes and runs it.

public sealed class AsOfDateQuery(DashboardSqlRunner sql) : IAsOfDateQuery
{
    public Task<DateOnly?> ExecuteAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        sql.AsOfDateAsync(filter, cancellationToken);
}

public sealed class KpiQuery(DashboardSqlRunner sql) : IKpiQuery
{
    public async Task<KpiTotals> ExecuteAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        (await sql.QueryWidgetAsync<KpiTotals>(DashboardScripts.Kpi, filter, cancellationToken)).Single();
}

public abstract class WidgetListQuery<TRow>(DashboardSqlRunner sql, string script) : IWidgetQuery<IReadOnlyList<TRow>>
{
    public Task<IReadOnlyList<TRow>> ExecuteAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        sql.QueryWidgetAsync<TRow>(script, filter, cancellationToken);
}

public sealed class RecencyScoreQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.RScore), IRecencyScoreQuery;

public sealed class FrequencyScoreQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.FScore), IFrequencyScoreQuery;

public sealed class MonetaryScoreQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.MScore), IMonetaryScoreQuery;

public sealed class RecencyBucketQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.RecencyBucket), IRecencyBucketQuery;

public sealed class VisitBucketQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.VisitsBucket), IVisitBucketQuery;

public sealed class SpendBucketQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.SpendBucket), ISpendBucketQuery;

public sealed class ReturnPeriodBucketQuery(DashboardSqlRunner sql)
    : WidgetListQuery<CategoryCount>(sql, DashboardScripts.ReturnPeriodBucket), IReturnPeriodBucketQuery;

public sealed class SegmentQuery(DashboardSqlRunner sql)
    : WidgetListQuery<RfmCell>(sql, DashboardScripts.Segment), ISegmentQuery;

public sealed class FiscalYearQuery(DashboardSqlRunner sql)
    : WidgetListQuery<FiscalYearCount>(sql, DashboardScripts.FiscalYear), IFiscalYearQuery;
