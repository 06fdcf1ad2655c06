using CampaignDashboard.Cli;
using DuckDB.NET.Data;

namespace CampaignDashboard.Api.Tests.Support;

/// <summary>Runs the `campaign` command line in-process against one DuckDB file, and reads that file's state.</summary>
/// <param name="settings">More configuration, e.g. "Database:DuckDbMemoryLimit".</param>
public sealed class CommandLine(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
{
    public string DatabasePath { get; } = databasePath;

    /// <summary>The command line as built in its own folder (with its deps.json), same configuration as the tests.</summary>
    public static string BuiltProgram
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryPaths.Root, "src", "Cli", "bin", tests.Parent!.Name, tests.Name, "campaign.dll");
        }
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Commands.RunAsync(args, output, error,
            [new("ConnectionStrings:Campaign", $"Data Source={DatabasePath}"), new("Database:Provider", "DuckDb"), .. settings ?? new Dictionary<string, string?>()]);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The schemas of the file's own catalog.</summary>
    public async Task<IReadOnlyList<string>> SchemasAsync()
    {
        await using var connection = new DuckDBConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database() ORDER BY schema_name";
        await using var reader = await command.ExecuteReaderAsync();
        var schemas = new List<string>();
        while (await reader.ReadAsync())
        {
            schemas.Add(reader.GetString(0));
        }

        return schemas;
    }

    /// <summary>Row counts and an order-independent checksum of both tables: equal fingerprints, equal contents.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = new DuckDBConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT concat_ws(' ',
                (SELECT count(*) FROM campaign.customers),
                (SELECT coalesce(sum(hash(customer_id, customer_name, mobile, registration_date)), 0) FROM campaign.customers),
                (SELECT count(*) FROM campaign.transactions),
                (SELECT coalesce(sum(hash(transaction_id, customer_id, transaction_date, amount, quantity, profit)), 0) FROM campaign.transactions))
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
