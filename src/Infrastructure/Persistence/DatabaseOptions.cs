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
}

public enum DatabaseProvider
{
    DuckDb,
    SqlServer,
}
