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

    /// <summary>
    /// DuckDB only: worker threads (DuckDB's default is one per core). The command line uses 1: its imports are bound
    /// by parsing, and every DuckDB thread keeps buffers of its own outside the memory limit.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 256)]
    public int DuckDbThreads { get; set; }
}

public enum DatabaseProvider
{
    DuckDb,
    SqlServer,
}
