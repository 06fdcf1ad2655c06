using System.Collections.Concurrent;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Runs a request's dashboard scripts (scoped: one per request). A widget statement is composed as
/// WITH &lt;population&gt;, &lt;customer_matches&gt;, &lt;selection&gt; &lt;widget SELECT&gt;; the as-of date is resolved once per request.
/// </summary>
public sealed class DashboardSqlRunner(IDatabaseEngine engine, ISelectionInputs selectionInputs, DashboardParameterBinder binder)
{
    // Keyed by end date (day number, -1 = open): A depends on nothing else.
    private readonly ConcurrentDictionary<int, Lazy<Task<DateOnly?>>> _asOfDates = new();

    public Task<DateOnly?> AsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        _asOfDates.GetOrAdd(filter.EndDate?.DayNumber ?? -1, _ => new Lazy<Task<DateOnly?>>(() => QueryAsOfDateAsync(filter, cancellationToken))).Value;

    public async Task<IReadOnlyList<TRow>> QueryWidgetAsync<TRow>(string script, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var asOfDate = await AsOfDateAsync(filter, cancellationToken);
        var sql = ComposeWidget(engine.ScriptFolder, await selectionInputs.DefinitionsAsync(filter, asOfDate, cancellationToken), script);
        return await QueryAsync<TRow>(sql, filter, asOfDate, cancellationToken);
    }

    /// <summary>The full text of a widget statement of an engine over the selection's inputs (also used by the SQL tests).</summary>
    public static string ComposeWidget(string engineFolder, string selectionInputs, string script) =>
        $"WITH {selectionInputs},\n{SqlScripts.Load(engineFolder, DashboardScripts.Selection)}\n{SqlScripts.Load(engineFolder, script)}";

    private async Task<IReadOnlyList<TRow>> QueryAsync<TRow>(
        string sql, DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        // DuckDB's "async" calls complete synchronously: without this, the widgets waiting for one population
        // would run one after another on the thread that built it, instead of side by side on the thread pool.
        await Task.Yield();
        var parameters = binder.Bind(sql, filter, asOfDate);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(
            sql, parameters, commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private string Load(string script) => SqlScripts.Load(engine.ScriptFolder, script);

    private async Task<DateOnly?> QueryAsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var sql = Load(DashboardScripts.AsOfDate);
        var parameters = binder.Bind(sql, filter, asOfDate: null);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync(new CommandDefinition(
            sql, parameters, commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));

        // DuckDB returns DATE as DateOnly, SqlClient as DateTime.
        return value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => null,
        };
    }
}
