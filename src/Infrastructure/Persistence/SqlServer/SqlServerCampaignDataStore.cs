using CampaignDashboard.Application.Data;
using Dapper;

namespace CampaignDashboard.Infrastructure.Persistence.SqlServer;

/// <summary>Schema (through migrations) and state of the campaign relations on SQL Server.</summary>
public sealed class SqlServerCampaignDataStore(SqlServerEngine engine, SqlServerMigrator migrator) : ICampaignDataStore
{
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public async Task<bool> HasTransactionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM campaign.transactions) THEN 1 ELSE 0 END AS BIT);",
            commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
    }

    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlScripts.Load(engine.ScriptFolder, "data_version"), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
    }

    public string Describe() => engine.Describe();
}
