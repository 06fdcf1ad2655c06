namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>The "Database" configuration section; the connection string is ConnectionStrings:Campaign.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Campaign";

    /// <summary>DuckDb (embedded, the default) or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.DuckDb;

    /// <summary>How long one SQL command may run.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// DuckDB only: the most memory DuckDB's buffer pool may hold, e.g. "1GB" (DuckDB's default is 80% of RAM).
    /// Larger data spills to disk. The command line sets 64MB so that imports stay flat in memory (below that DuckDB fails on 10M-row batches).
    /// </summary>
    public string? DuckDbMemoryLimit { get; set; }
}

public enum DatabaseProvider
{
    DuckDb,
    SqlServer,
}
