using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Prediction;

namespace CampaignDashboard.Application.Dashboard.Ports;

/// <summary>
/// The read side of a database engine over a filter's selection: one implementation per engine, in Infrastructure.
/// Resolved once per computation (a dashboard, a customers page, an export), whose statements share what the engine
/// computes once for them (the scored population).
/// </summary>
public interface IDashboardQueries
{
    /// <summary>The as-of date A: end_date when given, else the latest transaction date; null without data.</summary>
    Task<DateOnly?> AsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The rows of a script (Sql/&lt;engine&gt;/&lt;script&gt;.sql) over the filter's selection; <paramref name="parameters"/>
    /// gives the values of the script's own parameters beyond the filter's (a page, a sort key).
    /// </summary>
    Task<IReadOnlyList<TRow>> RowsAsync<TRow>(
        string script, DashboardFilter filter, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? parameters = null);

    /// <summary>The same rows, streamed from the database one at a time: memory stays flat whatever their number.</summary>
    IAsyncEnumerable<TRow> StreamAsync<TRow>(
        string script, DashboardFilter filter, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// The rows of a script over the customers of two snapshots (contract section 9): each snapshot is the scored
    /// population of its filter's window, and the script reads `flow`, one row per customer in either of them.
    /// </summary>
    Task<IReadOnlyList<TRow>> MigrationRowsAsync<TRow>(
        string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);

    /// <summary>The same rows, streamed from the database one at a time.</summary>
    IAsyncEnumerable<TRow> StreamMigrationAsync<TRow>(
        string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Every customer's history up to <paramref name="asOfDate"/> (prediction_inputs.sql), streamed: the prediction's
    /// inputs, over all transactions on or before the date whatever a request's window.
    /// </summary>
    IAsyncEnumerable<PredictionInput> PredictionInputsAsync(DateOnly asOfDate, CancellationToken cancellationToken);
}

/// <summary>Two snapshots of the customers: before (from) and after (to); the mobile and name filters are the same in both.</summary>
public sealed record Snapshots(DashboardFilter From, DashboardFilter To);
