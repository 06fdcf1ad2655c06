using System.Data.Common;
using CampaignDashboard.Application.Data;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Infrastructure.Persistence.SqlServer;

/// <summary>The production engine: SQL Server through Microsoft.Data.SqlClient (pooled connections).</summary>
public sealed class SqlServerEngine(string connectionString, int commandTimeoutSeconds) : IDatabaseEngine
{
    public string ScriptFolder => "SqlServer";

    public char ParameterPrefix => '@';

    public int CommandTimeoutSeconds => commandTimeoutSeconds;

    public string TelemetryName => "microsoft.sql_server";

    public string ConnectionString => connectionString;

    /// <summary>SqlClient's reader already streams rows as the server sends them.</summary>
    public void StreamResults(DbCommand command)
    {
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqlException e)
        {
            await connection.DisposeAsync();
            throw new DataStoreUnavailableException($"{Describe()} cannot be reached: {e.Message}", e);
        }
    }

    /// <summary>Server and database, without credentials, for start-up messages.</summary>
    public string Describe()
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server {builder.DataSource}, database {builder.InitialCatalog}";
    }
}
