using System.Data.Common;
using System.Diagnostics;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Domain.Customers;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;

namespace CampaignDashboard.Infrastructure.Import;

/// <summary>
/// The one write path for campaign data (imports, generated data, demo data): rows are staged by the engine's
/// bulk path into scratch tables, checked in SQL (unique ids, known customers), and only then written to the
/// campaign tables with import_write.sql in one transaction; a rejected or failed import changes nothing.
/// Reading stops at the first <see cref="ImportRejectedException.MaxErrors"/> errors. Imports run one at a time (they
/// share the staging tables); each commits through the <see cref="DataCommitGate"/>, so that a serving API answers every
/// request from the data before the commit or after it, never from both.
/// </summary>
public abstract class CampaignImporter(IDatabaseEngine engine, DataVersionMonitor dataVersion, DataCommitGate gate) : ICampaignImporter, IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose()
    {
        _oneAtATime.Dispose();
        GC.SuppressFinalize(this);
    }

    private const int ProgressEveryRows = 50_000;
    private const long ReplaceRangeRows = 1_000_000;

    /// <summary>The values import scripts may name: the domain's rule for a mobile's digits.</summary>
    internal static readonly IReadOnlyDictionary<string, object?> ScriptValues = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["mobile_ignored_characters"] = MobileNumber.IgnoredCharacters,
    };

    public async Task<ImportSummary> ImportAsync(ImportBatch batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await ImportAloneAsync(batch, progress, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ImportSummary> ImportAloneAsync(ImportBatch batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var cleanedUp = true;
        try
        {
            await using var connection = await engine.OpenConnectionAsync(cancellationToken);
            try
            {
                return await ImportInTransactionAsync(connection, batch, progress, started, cancellationToken);
            }
            finally
            {
                cleanedUp = await TryCleanUpAsync(connection);
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // The failure is what the user is told, not a cleanup's failure after it (a database DuckDB invalidated
            // after a failed commit fails everything, cleanup included, with "database has been invalidated").
            if (!cleanedUp)
            {
                await RecoverAsync();
            }

            if (ExplainFailure(failure) is { } explained)
            {
                throw explained;
            }

            throw;
        }
    }

    /// <summary>Drops the staging tables (import_cleanup.sql), and frees their space; false when the database refused.</summary>
    private async Task<bool> TryCleanUpAsync(DbConnection connection)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Load("import_cleanup"), commandTimeout: 0, cancellationToken: CancellationToken.None));
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>
    /// After a failure the staging tables could not be dropped (the database refuses work after a fatal error): what
    /// the engine can do to leave nothing behind. Engines whose sessions drop their staging tables keep the default.
    /// </summary>
    protected virtual Task RecoverAsync() => Task.CompletedTask;

    /// <summary>The failure as the user should read it (e.g. a full disk, with its path); null to report it as it is.</summary>
    protected virtual Exception? ExplainFailure(Exception failure) => null;

    private async Task<ImportSummary> ImportInTransactionAsync(
        DbConnection connection, ImportBatch batch, IProgress<ImportProgress>? progress, long started, CancellationToken cancellationToken)
    {
        // 1. Stage, committed to scratch tables of their own: large batches then live on disk, not in the
        //    memory of an open transaction. The campaign tables are not touched.
        var errors = new List<ImportError>();
        var reader = new RowReader(errors, progress, batch.FractionRead);
        long customers, transactions;
        await using (var staging = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, staging, "import_stage", cancellationToken);
            customers = await StageCustomersAsync(connection, staging, reader.Valid(batch.Customers), cancellationToken);
            transactions = await StageTransactionsAsync(connection, staging, reader.Valid(batch.Transactions), cancellationToken);
            await staging.CommitAsync(cancellationToken);
        }

        await using var memory = await ReserveMemoryAsync(connection, customers + transactions, cancellationToken);

        // 2. Check ids and customers across the whole batch.
        if (errors.Count < ImportRejectedException.MaxErrors)
        {
            await AddIdErrorsAsync(connection, reader, errors, batch.AllowUnknownCustomers, cancellationToken);
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors.Take(ImportRejectedException.MaxErrors).ToArray(), reader.StoppedEarly);
        }

        // 3. Write: the campaign tables change in this one transaction, or not at all.
        ReplacedCounts replaced;
        await using (var write = await connection.BeginTransactionAsync(cancellationToken))
        {
            replaced = await connection.QuerySingleAsync<ReplacedCounts>(new CommandDefinition(
                Load("import_replaced_counts"), transaction: write, commandTimeout: 0, cancellationToken: cancellationToken));
            if (replaced.Transactions > 0)
            {
                await DeleteReplacedTransactionsAsync(connection, write, cancellationToken);
            }

            await ExecuteAsync(connection, write, "import_write", cancellationToken);
            await WriteDerivedDataAsync(connection, write, transactions, cancellationToken);
            using (await gate.CommitAsync(cancellationToken))
            {
                await write.CommitAsync(cancellationToken);
                dataVersion.Invalidate();
            }
        }

        var staged = customers + transactions;
        var replacedRows = replaced.Customers + replaced.Transactions;
        progress?.Report(new ImportProgress(reader.RowsRead, 1));
        return new ImportSummary(reader.RowsRead, staged - replacedRows, replacedRows, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Removes the transactions being replaced, one id range of about <see cref="ReplaceRangeRows"/> staged rows at a
    /// time, so that replacing millions of rows never needs a join over all of them at once.
    /// </summary>
    private async Task DeleteReplacedTransactionsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var ids = await connection.QuerySingleAsync<StagedIdRange>(new CommandDefinition(
            Load("import_transaction_ids"), transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        foreach (var (first, last) in IdRanges.Split(ids.FirstId, ids.LastId, ids.Staged, ReplaceRangeRows))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Load("import_delete_transactions"), new { first_id = first, last_id = last }, transaction, 0, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Brings data derived from the campaign tables up to date with the batch just written (of
    /// <paramref name="stagedTransactions"/> transactions), in the write transaction. Engines that derive nothing keep
    /// the default.
    /// </summary>
    protected virtual Task WriteDerivedDataAsync(
        DbConnection connection, DbTransaction transaction, long stagedTransactions, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Makes room for checking and writing <paramref name="stagedRows"/> staged rows, until the returned object is
    /// disposed. Engines whose memory does not depend on the batch keep the default (nothing to do).
    /// </summary>
    protected virtual ValueTask<IAsyncDisposable> ReserveMemoryAsync(DbConnection connection, long stagedRows, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    /// <summary>Bulk-loads valid customer rows into the staging table; returns how many.</summary>
    protected abstract Task<long> StageCustomersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, CustomerRecord Record)> rows, CancellationToken cancellationToken);

    /// <summary>Bulk-loads valid transaction rows into the staging table; returns how many.</summary>
    protected abstract Task<long> StageTransactionsAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, TransactionRecord Record)> rows, CancellationToken cancellationToken);

    private async Task AddIdErrorsAsync(
        DbConnection connection, RowReader reader, List<ImportError> errors, bool allowUnknownCustomers, CancellationToken cancellationToken)
    {
        var parameters = new { max_errors = ImportRejectedException.MaxErrors - errors.Count };
        var duplicates = await connection.QueryAsync<DuplicateId>(new CommandDefinition(
            Load("import_duplicate_ids"), parameters, commandTimeout: 0, cancellationToken: cancellationToken));
        foreach (var d in duplicates)
        {
            var (source, column) = d.Relation == "customers"
                ? (reader.SourceOf<CustomerRecord>(), "customer_id")
                : (reader.SourceOf<TransactionRecord>(), "transaction_id");
            errors.Add(new ImportError(source, d.Line, column, $"duplicate id {d.Id} (first on line {d.FirstLine})"));
        }

        if (allowUnknownCustomers)
        {
            return;
        }

        parameters = new { max_errors = ImportRejectedException.MaxErrors - errors.Count };
        var missing = await connection.QueryAsync<MissingCustomer>(new CommandDefinition(
            Load("import_missing_customers"), parameters, commandTimeout: 0, cancellationToken: cancellationToken));
        // A customer whose own row was rejected (a bad date, say) is reported once, at that row.
        foreach (var m in missing.Where(m => !reader.RejectedCustomerIds.Contains(m.CustomerId)))
        {
            errors.Add(new ImportError(reader.SourceOf<TransactionRecord>(), m.Line, "customer_id",
                $"customer {m.CustomerId} is neither in the database nor in the customers file"));
        }
    }

    /// <summary>Runs one of the engine's import scripts, given the values it names (the domain's mobile rule).</summary>
    private Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string script, CancellationToken cancellationToken)
    {
        var sql = Load(script);
        var parameters = DashboardSqlParameters.Bind(sql, engine.ParameterPrefix, ScriptValues);
        return connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
    }

    private string Load(string script) => engine.Script(script);

    private sealed record ReplacedCounts(long Customers, long Transactions);

    private sealed record StagedIdRange(long FirstId, long LastId, long Staged);

    private sealed record DuplicateId(string Relation, long Id, long Line, long FirstLine);

    private sealed record MissingCustomer(long Line, long CustomerId);

    /// <summary>Passes valid rows on, keeps the errors, counts rows for progress, and stops at the error limit.</summary>
    private sealed class RowReader(List<ImportError> errors, IProgress<ImportProgress>? progress, Func<double?>? fractionRead)
    {
        private readonly Dictionary<Type, string> _sources = [];

        public long RowsRead { get; private set; }

        public bool StoppedEarly { get; private set; }

        /// <summary>The ids of customer rows rejected for another field than their id.</summary>
        public HashSet<long> RejectedCustomerIds { get; } = [];

        public string SourceOf<T>() => _sources.GetValueOrDefault(typeof(T), typeof(T) == typeof(CustomerRecord) ? "customers" : "transactions");

        public IEnumerable<(long Line, T Record)> Valid<T>(IEnumerable<SourceRow<T>> rows)
            where T : class
        {
            if (errors.Count >= ImportRejectedException.MaxErrors)
            {
                yield break;
            }

            foreach (var row in rows)
            {
                _sources.TryAdd(typeof(T), row.Source);
                if (++RowsRead % ProgressEveryRows == 0)
                {
                    progress?.Report(new ImportProgress(RowsRead, fractionRead?.Invoke()));
                }

                if (row.Error is not null)
                {
                    errors.Add(row.Error);
                    if (row is SourceRow<CustomerRecord> { RejectedId: { } id })
                    {
                        RejectedCustomerIds.Add(id);
                    }

                    if (errors.Count >= ImportRejectedException.MaxErrors)
                    {
                        StoppedEarly = true;
                        yield break;
                    }
                }
                else
                {
                    yield return (row.Line, row.Record!);
                }
            }
        }
    }
}
