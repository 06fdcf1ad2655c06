using System.Data;
using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Infrastructure.Persistence.SqlServer;

/// <summary>Imports into SQL Server: SqlBulkCopy into session temp tables, then one MERGE per relation in the transaction.</summary>
public sealed class SqlServerCampaignImporter(SqlServerEngine engine, DataVersionMonitor dataVersion, DataCommitGate gate) : CampaignImporter(engine, dataVersion, gate)
{
    private const int BatchRows = 50_000;

    protected override Task<long> StageCustomersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, CustomerRecord Record)> rows, CancellationToken cancellationToken) =>
        CopyAsync(
            (SqlConnection)connection, (SqlTransaction)transaction, "#import_customers",
            [("line", typeof(long)), ("customer_id", typeof(long)), ("customer_name", typeof(string)), ("mobile", typeof(string)), ("registration_date", typeof(DateTime))],
            rows.Select(r => new object?[] { r.Line, r.Record.CustomerId, r.Record.CustomerName, r.Record.Mobile, r.Record.RegistrationDate?.ToDateTime(TimeOnly.MinValue) }),
            cancellationToken);

    protected override Task<long> StageTransactionsAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, TransactionRecord Record)> rows, CancellationToken cancellationToken) =>
        CopyAsync(
            (SqlConnection)connection, (SqlTransaction)transaction, "#import_transactions",
            [("line", typeof(long)), ("transaction_id", typeof(long)), ("customer_id", typeof(long)), ("transaction_date", typeof(DateTime)),
             ("amount", typeof(decimal)), ("quantity", typeof(int)), ("profit", typeof(decimal))],
            rows.Select(r => new object?[]
            {
                r.Line, r.Record.TransactionId, r.Record.CustomerId, r.Record.TransactionDate.ToDateTime(TimeOnly.MinValue),
                r.Record.Amount, r.Record.Quantity, r.Record.Profit,
            }),
            cancellationToken);

    /// <summary>Copies rows in batches, so memory holds one batch whatever the number of rows.</summary>
    internal static async Task<long> CopyAsync(
        SqlConnection connection, SqlTransaction? transaction, string table, (string Name, Type Type)[] columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var buffer = new DataTable();
        foreach (var (name, type) in columns)
        {
            buffer.Columns.Add(name, type);
        }

        using var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = table, BulkCopyTimeout = 0 };
        foreach (var (name, _) in columns)
        {
            bulkCopy.ColumnMappings.Add(name, name);
        }

        long copied = 0;
        foreach (var row in rows)
        {
            buffer.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
            copied++;
            if (buffer.Rows.Count == BatchRows)
            {
                await bulkCopy.WriteToServerAsync(buffer, cancellationToken);
                buffer.Clear();
            }
        }

        if (buffer.Rows.Count > 0)
        {
            await bulkCopy.WriteToServerAsync(buffer, cancellationToken);
        }

        return copied;
    }
}
