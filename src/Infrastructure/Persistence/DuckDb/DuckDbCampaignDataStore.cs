using CampaignDashboard.Application.Data;
using Dapper;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>The campaign relations in the embedded database; bulk writes go through the DuckDB appender.</summary>
public sealed class DuckDbCampaignDataStore(DuckDbEngine engine) : ICampaignDataStore
{
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Load(engine.ScriptFolder, "schema"), cancellationToken: cancellationToken));
    }

    public async Task<bool> HasTransactionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM campaign.transactions)", cancellationToken: cancellationToken));
    }

    public async Task AppendAsync(
        IEnumerable<CustomerRecord> customers, IEnumerable<TransactionRecord> transactions, CancellationToken cancellationToken)
    {
        await using var connection = (DuckDBConnection)await engine.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using (var appender = connection.CreateAppender("campaign", "customers"))
        {
            foreach (var c in customers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                appender.CreateRow()
                    .AppendValue(c.CustomerId)
                    .AppendValue(c.CustomerName)
                    .AppendValue(c.Mobile)
                    .AppendValue(c.RegistrationDate)
                    .EndRow();
            }
        }

        using (var appender = connection.CreateAppender("campaign", "transactions"))
        {
            foreach (var t in transactions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                appender.CreateRow()
                    .AppendValue(t.TransactionId)
                    .AppendValue(t.CustomerId)
                    .AppendValue(t.TransactionDate)
                    .AppendValue(t.Amount)
                    .AppendValue(t.Quantity)
                    .AppendValue(t.Profit)
                    .EndRow();
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public string Describe() => DuckDbConnectionStrings.FilePath(engine.ConnectionString);
}
