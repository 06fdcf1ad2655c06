using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using Dapper;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Schema and state of the campaign relations in the embedded database.</summary>
public sealed class DuckDbCampaignDataStore(DuckDbEngine engine) : ICampaignDataStore
{
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await RemoveLeftoversAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Load("schema"), cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Load("derived/needs_rebuild"), cancellationToken: cancellationToken)))
        {
            await RebuildDerivedDataAsync(connection, cancellationToken);
        }
    }

    /// <summary>
    /// Removes what an import killed mid-way left (every process opens the database through here first, and none
    /// imports yet): its staging schema, whose blocks a checkpoint then frees, and DuckDB's spill folder beside the
    /// file when it is empty (DuckDB creates it again when it spills).
    /// </summary>
    private async Task RemoveLeftoversAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Load("import_leftovers"), cancellationToken: cancellationToken)))
        {
            await connection.ExecuteAsync(new CommandDefinition(Load("import_cleanup") + ";\nCHECKPOINT", commandTimeout: 0, cancellationToken: cancellationToken));
        }

        var spillFolder = new DirectoryInfo(Describe() + ".tmp");
        if (spillFolder.Exists && !spillFolder.EnumerateFileSystemInfos().Any())
        {
            spillFolder.Delete();
        }
    }

    /// <summary>Derives a database's dashboard data once, when it was written by a version that did not derive it.</summary>
    private async Task RebuildDerivedDataAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rebuild = Load("derived/rebuild");
            await connection.ExecuteAsync(new CommandDefinition(
                rebuild, DashboardSqlParameters.Bind(rebuild, engine.ParameterPrefix, CampaignImporter.ScriptValues), transaction, 0, cancellationToken: cancellationToken));
            await CustomerDaysRefresh.RunAsync(connection, transaction, engine, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(Load("import_cleanup"), commandTimeout: 0, cancellationToken: CancellationToken.None));
        }
    }

    public async Task<bool> HasTransactionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            engine.Qualify("SELECT EXISTS (SELECT 1 FROM campaign.transactions)"), cancellationToken: cancellationToken));
    }

    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(Load("data_version"), cancellationToken: cancellationToken));
    }

    private string Load(string script) => engine.Script(script);

    public string Describe() => DuckDbConnectionStrings.FilePath(engine.ConnectionString);
}
