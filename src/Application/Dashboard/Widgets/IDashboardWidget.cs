using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>What a widget adds to the dashboard: the dashboard with the widget's piece filled in.</summary>
public delegate DashboardDto DashboardPiece(DashboardDto dashboard);

/// <summary>
/// One widget of the dashboard: it owns its query, its row type and the piece of the response it fills. Every
/// implementation in this assembly is registered (<see cref="DependencyInjection"/>); the computation runs them all.
/// </summary>
public interface IDashboardWidget
{
    /// <summary>The widget's name: the script it runs, in every engine (Sql/&lt;engine&gt;/&lt;name&gt;.sql).</summary>
    string Name { get; }

    Task<DashboardPiece> ComputeAsync(IDashboardQueries queries, DashboardFilter filter, CancellationToken cancellationToken);

    /// <summary>Pieces are laid on in this order, lowest first: a piece that reads another widget's piece comes later.</summary>
    int Order => 0;
}

/// <summary>A widget computed from the rows of its own SQL script over the selection.</summary>
/// <typeparam name="TRow">One row of the script's result.</typeparam>
public abstract class SqlWidget<TRow>(string script) : IDashboardWidget
{
    public string Name => script;

    public async Task<DashboardPiece> ComputeAsync(IDashboardQueries queries, DashboardFilter filter, CancellationToken cancellationToken) =>
        Fill(await queries.RowsAsync<TRow>(script, filter, cancellationToken), filter);

    /// <summary>The widget's piece of the response, from its rows (and the request's filter, e.g. its segment scheme).</summary>
    protected abstract DashboardPiece Fill(IReadOnlyList<TRow> rows, DashboardFilter filter);
}
