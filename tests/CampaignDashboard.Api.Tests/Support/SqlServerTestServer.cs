using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace CampaignDashboard.Api.Tests.Support;

/// <summary>
/// Finds a SQL Server for the integration suite, once per test run: the connection string in
/// CAMPAIGN_TEST_SQLSERVER; else LocalDB on Windows; else a Docker-hosted SQL Server through Testcontainers
/// when a Docker engine answers. Where none is reachable, the suite is skipped with the reason.
/// </summary>
public static class SqlServerTestServer
{
    public const string EnvironmentVariable = "CAMPAIGN_TEST_SQLSERVER";
    private const string LocalDb = @"Server=(localdb)\MSSQLLocalDB;Integrated Security=true;TrustServerCertificate=true;Connect Timeout=15";

    private static readonly Lazy<Task<(string? ConnectionString, string Reason)>> Server = new(FindAsync);
    private static MsSqlContainer? _container;

    /// <summary>A connection string to the server's master database, or Assert.Ignore with why there is none.</summary>
    public static async Task<string> RequireAsync()
    {
        var (connectionString, reason) = await Server.Value;
        if (connectionString is null)
        {
            Assert.Ignore(reason);
        }

        return connectionString!;
    }

    public static async Task StopAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static async Task<(string?, string)> FindAsync()
    {
        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return await CanConnectAsync(configured) is { } error
                ? (null, $"{EnvironmentVariable} is set but its server did not answer: {error}")
                : (configured, string.Empty);
        }

        tried.Add($"{EnvironmentVariable} is not set");
        if (OperatingSystem.IsWindows())
        {
            if (await CanConnectAsync(LocalDb) is not { } localDbError)
            {
                return (LocalDb, string.Empty);
            }

            tried.Add($"LocalDB did not answer ({localDbError})");
        }
        else
        {
            tried.Add("LocalDB exists only on Windows");
        }

        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await _container.StartAsync();
            return (_container.GetConnectionString(), string.Empty);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            tried.Add($"no Docker engine answered ({FirstLine(e.Message)})");
        }

        return (null, "No SQL Server reachable: " + string.Join("; ", tried) + ".");
    }

    private static async Task<string?> CanConnectAsync(string connectionString)
    {
        try
        {
            await using var connection = new SqlConnection(connectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is SqlException or InvalidOperationException or PlatformNotSupportedException)
        {
            return FirstLine(e.Message);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>A database of its own for one fixture, dropped when the fixture ends.</summary>
public sealed class SqlServerTestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name = $"campaign_test_{Guid.NewGuid():N}";

    private SqlServerTestDatabase(string server) => _server = server;

    public string ConnectionString => new SqlConnectionStringBuilder(_server) { InitialCatalog = _name }.ConnectionString;

    public static async Task<SqlServerTestDatabase> CreateAsync()
    {
        var database = new SqlServerTestDatabase(await SqlServerTestServer.RequireAsync());
        await database.ExecuteOnServerAsync($"CREATE DATABASE [{database._name}];");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}];");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new SqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
