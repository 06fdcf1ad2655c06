using System.Data.Common;
using CampaignDashboard.Application.Common.Exceptions;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// Resolves the DuckDB file of ConnectionStrings:Campaign. When it is not set, the API and the command line
/// share one per-user file (DefaultFile), whatever directory they are started from.
/// </summary>
public static class DuckDbConnectionStrings
{
    public const string Example = "Data Source=data/dashboard.duckdb";
    private const string DataSource = "Data Source";
    private const string InMemory = ":memory:";

    /// <summary>The file used when no connection string is configured: in the user's local application data.</summary>
    public static string DefaultFile
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "CampaignDashboard", "dashboard.duckdb");
        }
    }

    /// <summary>The connection string with an absolute file path (relative ones resolved against <paramref name="baseDirectory"/>), its folder created.</summary>
    public static string Resolve(string? connectionString, string baseDirectory)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? $"{DataSource}={DefaultFile}" : connectionString;
        }
        catch (ArgumentException e)
        {
            // Not key=value pairs at all, e.g. a bare file name.
            throw MissingDataSource(e);
        }

        if (!builder.TryGetValue(DataSource, out var value) || value is not string path || string.IsNullOrWhiteSpace(path))
        {
            throw MissingDataSource(null);
        }

        if (!path.StartsWith(InMemory, StringComparison.Ordinal))
        {
            var fullPath = Path.GetFullPath(path, baseDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder[DataSource] = fullPath;
        }

        return builder.ConnectionString;
    }

    /// <summary>The refusal of a connection string without a file; the string is not echoed (it may carry more than a path).</summary>
    private static StartupConfigurationException MissingDataSource(Exception? inner)
    {
        var message = $"ConnectionStrings:Campaign has no '{DataSource}=<file>', which DuckDB needs: e.g. '{Example}'.";
        return inner is null ? new(message) : new(message, inner);
    }

    public static string FilePath(string connectionString) =>
        (string)new DbConnectionStringBuilder { ConnectionString = connectionString }[DataSource];
}
