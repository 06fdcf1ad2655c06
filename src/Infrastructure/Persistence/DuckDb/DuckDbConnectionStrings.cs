using System.Data.Common;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Resolves the DuckDB file of a connection string against the application's content root.</summary>
public static class DuckDbConnectionStrings
{
    public const string Default = "Data Source=App_Data/dashboard.duckdb";
    private const string DataSource = "Data Source";
    private const string InMemory = ":memory:";

    /// <summary>The connection string with an absolute file path, the file's folder created.</summary>
    public static string Resolve(string? connectionString, string contentRoot)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? Default : connectionString };
        if (!builder.TryGetValue(DataSource, out var value) || value is not string path || string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"ConnectionStrings:Campaign for DuckDB needs '{DataSource}=<file>', e.g. '{Default}'.");
        }

        if (!path.StartsWith(InMemory, StringComparison.Ordinal))
        {
            // DuckDB names a database's catalog after its file; a catalog "campaign" would shadow the schema "campaign".
            if (string.Equals(Path.GetFileNameWithoutExtension(path), "campaign", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"The DuckDB file '{path}' cannot be named 'campaign': DuckDB would name its catalog like the 'campaign' schema. Choose another name, e.g. '{Default}'.");
            }

            var fullPath = Path.GetFullPath(path, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder[DataSource] = fullPath;
        }

        return builder.ConnectionString;
    }

    public static string FilePath(string connectionString) =>
        (string)new DbConnectionStringBuilder { ConnectionString = connectionString }[DataSource];
}
