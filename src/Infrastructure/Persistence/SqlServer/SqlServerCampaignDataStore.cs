using System.Data;
using CampaignDashboard.Application.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Infrastructure.Persistence.SqlServer;

/// <summary>The campaign relations on SQL Server: schema through migrations, bulk writes through SqlBulkCopy.</summary>
public sealed class SqlServerCampaignDataStore(SqlServerEngine engine, SqlServerMigrator migrator) : ICampaignDataStore
{
    private const int BatchRows = 50_000;

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public async Task<bool> HasTransactionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM campaign.transactions) THEN 1 ELSE 0 END AS BIT);",
            commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
    }

    public async Task AppendAsync(
        IEnumerable<CustomerRecord> customers, IEnumerable<TransactionRecord> transactions, CancellationToken cancellationToken)
    {
        await using var connection = (SqlConnection)await engine.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var customerTable = new DataTable();
        customerTable.Columns.Add("customer_id", typeof(long));
        customerTable.Columns.Add("customer_name", typeof(string));
        customerTable.Columns.Add("mobile", typeof(string));
        customerTable.Columns.Add("registration_date", typeof(DateTime));
        await CopyAsync(connection, transaction, "campaign.customers", customerTable, customers,
            c => [c.CustomerId, c.CustomerName, c.Mobile, c.RegistrationDate?.ToDateTime(TimeOnly.MinValue)], cancellationToken);

        var transactionTable = new DataTable();
        transactionTable.Columns.Add("transaction_id", typeof(long));
        transactionTable.Columns.Add("customer_id", typeof(long));
        transactionTable.Columns.Add("transaction_date", typeof(DateTime));
        transactionTable.Columns.Add("amount", typeof(decimal));
        transactionTable.Columns.Add("quantity", typeof(int));
        transactionTable.Columns.Add("profit", typeof(decimal));
        await CopyAsync(connection, transaction, "campaign.transactions", transactionTable, transactions,
            t => [t.TransactionId, t.CustomerId, t.TransactionDate.ToDateTime(TimeOnly.MinValue), t.Amount, t.Quantity, t.Profit], cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    public string Describe() => engine.Describe();

    /// <summary>Copies rows in batches, so memory holds one batch whatever the number of rows.</summary>
    private static async Task CopyAsync<T>(
        SqlConnection connection, SqlTransaction transaction, string table, DataTable buffer, IEnumerable<T> rows,
        Func<T, object?[]> columns, CancellationToken cancellationToken)
    {
        using var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = table,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in buffer.Columns)
        {
            bulkCopy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        foreach (var row in rows)
        {
            buffer.Rows.Add(columns(row).Select(v => v ?? DBNull.Value).ToArray());
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
    }
}
