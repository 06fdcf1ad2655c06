using System.Data.Common;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Schema and state of the campaign relations in the embedded database.</summary>
public sealed class DuckDbCampaignDataStore(DuckDbEngine engine, IOptions<DashboardOptions> options) : ICampaignDataStore
{
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await RemoveLeftoversAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Load("schema"), cancellationToken: cancellationToken));
        var rebuild = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Load("derived/needs_rebuild"), cancellationToken: cancellationToken));
        if (rebuild || !await CustomerTotals.AreCurrentAsync(connection, null, engine, options.Value.FiscalCalendar, cancellationToken))
        {
            await DeriveAsync(connection, rebuild, cancellationToken);
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

    /// <summary>
    /// Derives a database's dashboard data once: all of it when it was written by a version that did not derive it
    /// (<paramref name="rebuild"/>), else the customers' all-history totals, missing or counted for another fiscal
    /// calendar (the configured fiscal year start changed).
    /// </summary>
    private async Task DeriveAsync(DbConnection connection, bool rebuild, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (rebuild)
            {
                var script = Load("derived/rebuild");
                await connection.ExecuteAsync(new CommandDefinition(
                    script, DashboardSqlParameters.Bind(script, engine.ParameterPrefix, CampaignImporter.ScriptValues), transaction, 0, cancellationToken: cancellationToken));
                await AffectedCustomerRanges.RefreshVisitsAsync(connection, transaction, engine, cancellationToken);
            }

            await CustomerTotals.RefreshAsync(connection, transaction, engine, options.Value.FiscalCalendar, affectedOnly: false, cancellationToken);
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
