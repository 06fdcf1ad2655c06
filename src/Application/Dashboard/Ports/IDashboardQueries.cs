using CampaignDashboard.Application.Dashboard.Filters;

namespace CampaignDashboard.Application.Dashboard.Ports;

/// <summary>
/// The dashboard's read side of a database engine: one implementation per engine, in Infrastructure. Resolved once
/// per dashboard computation, whose statements share what the engine computes once for them (the scored population).
/// </summary>
public interface IDashboardQueries
{
    /// <summary>The as-of date A: end_date when given, else the latest transaction date; null without data.</summary>
    Task<DateOnly?> AsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken);

    /// <summary>The rows of a widget's script (Sql/&lt;engine&gt;/&lt;script&gt;.sql) over the filter's selection.</summary>
    Task<IReadOnlyList<TRow>> RowsAsync<TRow>(string script, DashboardFilter filter, CancellationToken cancellationToken);
}
