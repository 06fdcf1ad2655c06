using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CampaignDashboard.Application.Common.Telemetry;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// The dashboard's queries on the configured engine (scoped: one per computation). A widget statement is composed as
/// WITH &lt;population&gt;, &lt;customer_matches&gt;, &lt;selection&gt; &lt;widget SELECT&gt;, where the engine's
/// <see cref="ISelectionInputs"/> says where the population comes from; the as-of date is resolved once.
/// </summary>
public sealed class SqlDashboardQueries(
    IDatabaseEngine engine,
    ISelectionInputs selectionInputs,
    DashboardParameterBinder binder,
    PredictionCache predictions,
    PredictionTables predictionTables,
    DataCommitGate gate)
    : IDashboardQueries, IAsyncDisposable
{
    // The prediction tables this computation's statements read: kept until it ends (the scope is disposed).
    private readonly ConcurrentBag<SharedTables<(CustomerPredictions Predictions, int Generation)>.Lease> _predictionLeases = [];

    // Keyed by end date (day number, -1 = open): A depends on nothing else.
    private readonly ConcurrentDictionary<int, Lazy<Task<DateOnly?>>> _asOfDates = new();

    public Task<DateOnly?> AsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        _asOfDates.GetOrAdd(filter.EndDate?.DayNumber ?? -1, _ => new Lazy<Task<DateOnly?>>(() => QueryAsOfDateAsync(filter, cancellationToken))).Value;

    public async Task<IReadOnlyList<TRow>> RowsAsync<TRow>(
        string script, DashboardFilter filter, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var (sql, values) = await ComposeAsync(script, filter, parameters, cancellationToken);
        return await QueryAsync<TRow>(script, sql, values, cancellationToken);
    }

    /// <remarks>
    /// A stream (an export) is not computed under the response cache's read pass: it holds one from its population's
    /// lease until its statement has started, so that no import commits in between (a population's measures can be
    /// the live all-history totals, scored with the cuts of the data version the lease was taken for).
    /// </remarks>
    public async IAsyncEnumerable<TRow> StreamAsync<TRow>(
        string script, DashboardFilter filter, IReadOnlyDictionary<string, object?> parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var pass = await gate.ReadAsync(cancellationToken);
        var (sql, values) = await ComposeAsync(script, filter, parameters, cancellationToken);
        await foreach (var row in ReadAsync<TRow>(script, sql, values, cancellationToken, pass))
        {
            yield return row;
        }
    }

    public async Task<IReadOnlyList<TRow>> MigrationRowsAsync<TRow>(
        string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var (sql, values) = await ComposeMigrationAsync(script, snapshots, parameters, cancellationToken);
        return await QueryAsync<TRow>(script, sql, values, cancellationToken);
    }

    public async IAsyncEnumerable<TRow> StreamMigrationAsync<TRow>(
        string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var pass = await gate.ReadAsync(cancellationToken); // as StreamAsync's
        var (sql, values) = await ComposeMigrationAsync(script, snapshots, parameters, cancellationToken);
        await foreach (var row in ReadAsync<TRow>(script, sql, values, cancellationToken, pass))
        {
            yield return row;
        }
    }

    public async IAsyncEnumerable<PredictionInput> PredictionInputsAsync(
        DateOnly asOfDate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = engine.Script(DashboardScripts.PredictionInputs);
        var values = new Dictionary<string, object?> { ["as_of_date"] = asOfDate };
        await foreach (var row in ReadAsync<PredictionInput>(DashboardScripts.PredictionInputs, sql, values, cancellationToken))
        {
            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lease in _predictionLeases)
        {
            await lease.DisposeAsync();
        }
    }

    /// <summary>The full text of a migration statement of an engine over two populations (also used by the SQL tests).</summary>
    public static string ComposeMigration(string engineFolder, string fromPopulation, string toPopulation, string script) =>
        $"WITH from_population AS (SELECT * FROM {fromPopulation}),\nto_population AS (SELECT * FROM {toPopulation}),\n"
        + $"{SqlScripts.Load(engineFolder, DashboardScripts.CustomerMatches)},\n{SqlScripts.Load(engineFolder, DashboardScripts.MigrationFlow)}\n"
        + SqlScripts.Load(engineFolder, script);

    private async Task<IReadOnlyList<TRow>> QueryAsync<TRow>(
        string script, string sql, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        // DuckDB's "async" calls complete synchronously: without this, the widgets waiting for one population
        // would run one after another on the thread that built it, instead of side by side on the thread pool.
        await Task.Yield();
        using var activity = DashboardTelemetry.StartDatabaseCommand(script, engine.TelemetryName);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(
            sql, new DynamicParameters(values), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Streams the rows; <paramref name="untilStarted"/> is released once the statement has started.</summary>
    private async IAsyncEnumerable<TRow> ReadAsync<TRow>(
        string script,
        string sql,
        IReadOnlyDictionary<string, object?> values,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        IDisposable? untilStarted = null)
    {
        using var activity = DashboardTelemetry.StartDatabaseCommand(script, engine.TelemetryName);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = engine.CommandTimeoutSeconds;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        engine.StreamResults(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        untilStarted?.Dispose();
        var parse = reader.GetRowParser<TRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parse(reader);
        }
    }

    /// <summary>A script's statement over the selection's inputs, and exactly the parameter values it names.</summary>
    private async Task<(string Sql, IReadOnlyDictionary<string, object?> Values)> ComposeAsync(
        string script, DashboardFilter filter, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        var asOfDate = await AsOfDateAsync(filter, cancellationToken);
        var definitions = await selectionInputs.DefinitionsAsync(filter, asOfDate, cancellationToken);
        if (DashboardScripts.NeedsForecasts(script, parameters))
        {
            var lease = await predictionTables.AcquireAsync(await predictions.AtAsync(asOfDate, cancellationToken), cancellationToken);
            _predictionLeases.Add(lease);
            definitions += $",\nprediction AS (SELECT * FROM {lease.Table})";
        }
        else if (DashboardScripts.ReadingPrediction.Contains(script))
        {
            definitions += $",\nprediction AS ({SqlScripts.Load(engine.ScriptFolder, DashboardScripts.PredictionNone)})";
        }

        var cells = DashboardScripts.ReadsCells(SqlScripts.Load(engine.ScriptFolder, script))
            ? await selectionInputs.CellsAsync(filter, asOfDate, cancellationToken)
            : null;
        var sql = engine.Qualify(ComposeWidget(engine.ScriptFolder, definitions, script, cells));
        return (sql, binder.Values(sql, filter, asOfDate, parameters));
    }

    /// <summary>A migration statement over the two snapshots' populations; the customer filters are the "to" snapshot's.</summary>
    private async Task<(string Sql, IReadOnlyDictionary<string, object?> Values)> ComposeMigrationAsync(
        string script, Snapshots snapshots, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var fromAsOf = await AsOfDateAsync(snapshots.From, cancellationToken);
        var toAsOf = await AsOfDateAsync(snapshots.To, cancellationToken);
        var from = selectionInputs.PopulationAsync(snapshots.From, fromAsOf, cancellationToken);
        var to = selectionInputs.PopulationAsync(snapshots.To, toAsOf, cancellationToken);
        var sql = engine.Qualify(ComposeMigration(engine.ScriptFolder, await from, await to, script));
        return (sql, binder.Values(sql, snapshots.To, toAsOf, parameters));
    }

    /// <summary>The full text of a widget statement of an engine over the selection's inputs (also used by the SQL tests).</summary>
    /// <remarks>
    /// A script reading `selection_cells` gets them too: <paramref name="cells"/> when the engine computed them once for
    /// the request, else the engine's definition inline.
    /// </remarks>
    public static string ComposeWidget(string engineFolder, string selectionInputs, string script, string? cells = null)
    {
        var text = SqlScripts.Load(engineFolder, script);
        var definitions = $"{selectionInputs},\n{SqlScripts.Load(engineFolder, DashboardScripts.Selection)}";
        if (DashboardScripts.ReadsCells(text))
        {
            definitions += $",\n{cells ?? SqlScripts.Load(engineFolder, DashboardScripts.SelectionCells)}";
        }

        return $"WITH {definitions}\n{text}";
    }

    private async Task<DateOnly?> QueryAsOfDateAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var sql = engine.Script(DashboardScripts.AsOfDate);
        using var activity = DashboardTelemetry.StartDatabaseCommand(DashboardScripts.AsOfDate, engine.TelemetryName);
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
