using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Infrastructure.Persistence.SqlServer;

/// <summary>
/// Applies the numbered scripts of Sql/SqlServer/migrations once each, in order, recording each in
/// campaign.schema_migrations. Each script runs in its own transaction under an application lock, so two
/// instances starting together cannot apply one twice; re-running changes nothing.
/// </summary>
public sealed partial class SqlServerMigrator(SqlServerEngine engine)
{
    private const string Folder = "migrations/";

    /// <summary>Every migration, by number, as (id, name, script name).</summary>
    public static IReadOnlyList<(int Id, string Name, string Script)> Migrations { get; } = SqlScripts.Names("SqlServer")
        .Where(name => name.StartsWith(Folder, StringComparison.Ordinal))
        .Select(name => (Script: name, Match: MigrationName().Match(name[Folder.Length..])))
        .Select(m => m.Match.Success
            ? (int.Parse(m.Match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Match.Groups["name"].Value, m.Script)
            : throw new InvalidOperationException($"Migration '{m.Script}' is not named NNNN_name.sql."))
        .OrderBy(m => m.Item1)
        .ToArray();

    /// <summary>Applies what is missing; returns the names of the migrations applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = (SqlConnection)await engine.OpenConnectionAsync(cancellationToken);
        await ExecuteBatchesAsync(connection, null, SqlScripts.Load(engine.ScriptFolder, "migration_journal"), cancellationToken);

        var applied = new List<string>();
        foreach (var (id, name, script) in Migrations)
        {
            await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "EXEC sp_getapplock @Resource = N'campaign.schema_migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction';",
                transaction: transaction, commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
            var done = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM campaign.schema_migrations WHERE migration_id = @id;",
                new { id }, transaction, engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
            if (done == 0)
            {
                await ExecuteBatchesAsync(connection, transaction, SqlScripts.Load(engine.ScriptFolder, script), cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO campaign.schema_migrations (migration_id, name) VALUES (@id, @name);",
                    new { id, name }, transaction, engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
                applied.Add(name);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return applied;
    }

    /// <summary>Splits a script on lines holding only GO, as sqlcmd does.</summary>
    public static IEnumerable<string> Batches(string script) =>
        GoSeparator().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch));

    private async Task ExecuteBatchesAsync(SqlConnection connection, SqlTransaction? transaction, string script, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(script))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                batch, transaction: transaction, commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        }
    }

    [GeneratedRegex(@"^(?<id>\d{4})_(?<name>[a-z0-9_]+)$")]
    private static partial Regex MigrationName();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();
}
