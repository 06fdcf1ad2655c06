using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Imports into the embedded database; staging goes through the DuckDB appender.</summary>
public sealed class DuckDbCampaignImporter(DuckDbEngine engine, DataVersionMonitor dataVersion) : CampaignImporter(engine, dataVersion)
{
    /// <summary>The customers' visits (campaign.customer_days) of every customer the batch touched.</summary>
    protected override Task WriteDerivedDataAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        CustomerDaysRefresh.RunAsync(connection, transaction, engine.ScriptFolder, cancellationToken);

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
