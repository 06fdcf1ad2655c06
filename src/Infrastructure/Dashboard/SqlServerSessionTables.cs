using System.Data.Common;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// SQL Server's shared tables: a global temporary table, filled on a connection of its own that holds it (a ## table
/// lives as long as the session that made it), so that every request's statements can read it until it is dropped.
/// </summary>
internal static class SqlServerSessionTables
{
    /// <summary>A new ## table named after <paramref name="prefix"/>, filled by <paramref name="fill"/> on its session.</summary>
    public static async Task<SharedTable> CreateAsync(SqlServerEngine engine, string prefix, Func<DbConnection, string, Task> fill)
    {
        var name = $"##{prefix}_{Guid.NewGuid():N}";
        var connection = await engine.OpenConnectionAsync(CancellationToken.None);
        try
        {
            await fill(connection, name);
            return new SharedTable(name, () => DropAsync(connection, name));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async ValueTask DropAsync(DbConnection connection, string name)
    {
        await using (connection)
        {
            try
            {
                // Closing the session drops the table; the explicit drop frees it even if the pool keeps the session.
                await connection.ExecuteAsync($"DROP TABLE IF EXISTS {name};");
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The session is already gone (a lost connection), and its table with it.
            }
        }
    }
}
