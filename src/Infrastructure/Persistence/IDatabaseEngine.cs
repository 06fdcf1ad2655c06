using System.Data.Common;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>What differs between the engines for running the dashboard's SQL.</summary>
public interface IDatabaseEngine
{
    /// <summary>The folder of this engine's scripts under Sql/.</summary>
    string ScriptFolder { get; }

    /// <summary>How a parameter is written in this engine's SQL: '$' (DuckDB) or '@' (T-SQL).</summary>
    char ParameterPrefix { get; }

    int CommandTimeoutSeconds { get; }

    /// <summary>The engine's name in telemetry (OpenTelemetry's db.system.name): "duckdb" or "microsoft.sql_server".</summary>
    string TelemetryName { get; }

    /// <summary>
    /// A statement as this engine runs it: DuckDB qualifies the campaign schemas with the file's catalog (see
    /// <see cref="DuckDb.DuckDbEngine.Qualify"/>); SQL Server runs it as written.
    /// </summary>
    string Qualify(string sql) => sql;

    /// <summary>Makes a command hand its rows over as the engine produces them, not after it has them all.</summary>
    void StreamResults(DbCommand command);

    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
