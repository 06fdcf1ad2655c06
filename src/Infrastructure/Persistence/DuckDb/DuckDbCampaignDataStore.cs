using CampaignDashboard.Application.Data;
using Dapper;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Schema and state of the campaign relations in the embedded database.</summary>
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

    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlScripts.Load(engine.ScriptFolder, "data_version"), cancellationToken: cancellationToken));
    }

    public string Describe() => DuckDbConnectionStrings.FilePath(engine.ConnectionString);
}
