using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using Dapper;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Imports into the embedded database; staging goes through the DuckDB appender.</summary>
public sealed class DuckDbCampaignImporter(DuckDbEngine engine, DataVersionMonitor dataVersion, DataCommitGate gate) : CampaignImporter(engine, dataVersion, gate)
{
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

    /// <summary>The visits (campaign.customer_days) the batch changed, merged in time proportional to the batch.</summary>
    protected override Task WriteDerivedDataAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            engine.Script("derived/customer_days_merge"), transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));

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
