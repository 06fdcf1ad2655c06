using System.Data.Common;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Imports into the embedded database; staging goes through the DuckDB appender.</summary>
public sealed partial class DuckDbCampaignImporter(
    DuckDbEngine engine, DataVersionMonitor dataVersion, DataCommitGate gate, IOptions<DashboardOptions> options, ILogger<DuckDbCampaignImporter> logger)
    : CampaignImporter(engine, dataVersion, gate)
{
    /// <summary>
    /// What checking and writing a batch needs, per staged row: its id checks and joins grow with it. Measured: 64 MB
    /// held 11 million rows (10M transactions and their customers) and failed at 110 million, which 640 MB held.
    /// </summary>
    private const long BytesPerStagedRow = 6;

    /// <summary>What checking and writing any batch needs at least (the command line's default cap, 64MB): 12 MiB failed 2.2M rows.</summary>
    private const long MinimumBytes = 64_000_000;

    /// <summary>
    /// A configured memory cap lower than a batch needs (<see cref="MinimumBytes"/>, or <see cref="BytesPerStagedRow"/>
    /// per staged row) is raised to that for this import and set back after it: imports of any size run with the
    /// default settings (the command line's 64 MB), and small ones stay small.
    /// </summary>
    protected override async ValueTask<IAsyncDisposable> ReserveMemoryAsync(DbConnection connection, long stagedRows, CancellationToken cancellationToken)
    {
        // Checking and writing the batch read the stored data (the visits and totals of its customers above all): with
        // every core, unlike staging, which parses on one thread anyway.
        var everyCore = await engine.UseEveryCoreAsync(connection);
        var needed = Math.Max(MinimumBytes, stagedRows * BytesPerStagedRow);
        if (engine.MemoryLimitBytes is not { } limit || needed <= limit)
        {
            return everyCore;
        }

        try
        {
            await engine.RaiseMemoryLimitAsync(connection, needed);
        }
        catch
        {
            await everyCore.DisposeAsync();
            throw;
        }

        LogMemoryRaised(limit / 1_000_000, needed / 1_000_000, stagedRows);
        return new RaisedMemoryLimit(engine, connection, LogMemoryNotRestored, everyCore);
    }

    /// <summary>Sets the configured cap back; when DuckDB refuses, the engine tries again at every connection it opens.</summary>
    private sealed class RaisedMemoryLimit(DuckDbEngine engine, DbConnection connection, Action notRestored, IAsyncDisposable everyCore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!await engine.RestoreMemoryLimitAsync(connection))
            {
                notRestored();
            }

            await everyCore.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DuckDB's memory cap raised from {ConfiguredMb} MB to {RaisedMb} MB for an import of {Rows} rows")]
    private partial void LogMemoryRaised(long configuredMb, long raisedMb, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DuckDB's memory cap could not be set back after an import (memory in use above it); every connection opened next tries again")]
    private partial void LogMemoryNotRestored();

    /// <summary>A full disk or a damaged file, said as such with the file's path.</summary>
    protected override Exception? ExplainFailure(Exception failure) => DuckDbFaults.Explain(failure, DuckDbConnectionStrings.FilePath(engine.ConnectionString));

    /// <summary>
    /// DuckDB refuses all work after a fatal error (a commit that could not be written): the database is opened afresh,
    /// which replays or drops its WAL, and the staging tables are dropped and their space freed. Best effort: a
    /// database that still refuses keeps them until its next open (DuckDbCampaignDataStore removes them there).
    /// </summary>
    protected override async Task RecoverAsync()
    {
        try
        {
            await engine.ReopenAsync();
            await using var connection = await engine.OpenConnectionAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = engine.Script("import_cleanup") + ";\nCHECKPOINT";
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is DbException or DataStoreUnavailableException or DataStoreDamagedException)
        {
            // Left for the next open; the import's own failure is what is reported.
        }
    }

    /// <summary>
    /// The visits (campaign.customer_days) the batch changed. A batch smaller than the visits already there (a daily
    /// file) is merged, in time proportional to the batch; a larger one (a first load, a bulk reload) recomputes its
    /// customers' visits range by range, which bounds its memory and writes them in customer order, the order the
    /// population's per-customer aggregate reads fastest (out of order, it took 15.7 s instead of about 6 s at 100M).
    /// Then the changed customers' all-history totals (<see cref="CustomerTotals"/>).
    /// </summary>
    protected override async Task WriteDerivedDataAsync(
        DbConnection connection, DbTransaction transaction, long stagedTransactions, CancellationToken cancellationToken)
    {
        var visits = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            engine.Qualify("SELECT COUNT(*) FROM campaign.customer_days"), transaction: transaction, cancellationToken: cancellationToken));
        if (stagedTransactions < visits)
        {
            await RunAsync("derived/customer_days_merge");
        }
        else
        {
            await RunAsync("derived/import_affected_customers");
            await AffectedCustomerRanges.RefreshVisitsAsync(connection, transaction, engine, cancellationToken);
        }

        await CustomerTotals.RefreshAsync(connection, transaction, engine, options.Value.FiscalCalendar, affectedOnly: true, cancellationToken);

        Task<int> RunAsync(string script) => connection.ExecuteAsync(new CommandDefinition(
            engine.Script(script), transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
    }

    protected override Task<long> StageCustomersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, CustomerRecord Record)> rows, CancellationToken cancellationToken) =>
        Task.FromResult(Stage(connection, "customers", rows, (row, c) => row
            .AppendValue(c.CustomerId)
            .AppendValue(c.CustomerName)
            .AppendValue(c.Mobile)
            .AppendValue(c.RegistrationDate), cancellationToken));

    protected override Task<long> StageTransactionsAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, TransactionRecord Record)> rows, CancellationToken cancellationToken) =>
        Task.FromResult(Stage(connection, "transactions", rows, (row, t) => row
            .AppendValue(t.TransactionId)
            .AppendValue(t.CustomerId)
            .AppendValue(t.TransactionDate)
            .AppendValue(t.Amount)
            .AppendValue(t.Quantity)
            .AppendValue(t.Profit), cancellationToken));

    /// <summary>Appends rows, each after its source line number, to a staging table of campaign_import.</summary>
    private static long Stage<TRecord>(
        DbConnection connection,
        string table,
        IEnumerable<(long Line, TRecord Record)> rows,
        Func<IDuckDBAppenderRow, TRecord, IDuckDBAppenderRow> appendRecord,
        CancellationToken cancellationToken)
    {
        long staged = 0;
        using var appender = ((DuckDBConnection)connection).CreateAppender("campaign_import", table);
        foreach (var (line, record) in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            appendRecord(appender.CreateRow().AppendValue(line), record).EndRow();
            staged++;
        }

        return staged;
    }
}
