using System.Collections.Concurrent;
using System.Data.Common;
using CampaignDashboard.Application.Common.Telemetry;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// SQL Server: a computation's scored population is computed once, by one SELECT ... INTO a global temporary table,
/// and every widget statement of the computation reads that table instead of recomputing the window scan and the
/// three NTILE sorts. A global (##) table because the widgets run side by side on connections of their own; the
/// connection that created it stays open until the computation ends and then drops it, and should the process die,
/// SQL Server drops it with that session. The table holds customer ids and measures, no name or mobile.
/// </summary>
public sealed class SqlServerSelectionInputs(SqlServerEngine engine, DashboardParameterBinder binder) : ISelectionInputs, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(DateOnly?, DateOnly?, ScoreMethod), Lazy<Task<PopulationTable>>> _tables = new();

    public async Task<string> DefinitionsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        $"population AS (SELECT * FROM {await PopulationTableAsync(filter, asOfDate, cancellationToken)}),\n"
        + SqlScripts.Load(engine.ScriptFolder, DashboardScripts.CustomerMatches);

    public async Task<string> PopulationTableAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        (await _tables.GetOrAdd(
                (filter.StartDate, filter.EndDate, filter.ScoreMethod),
                _ => new Lazy<Task<PopulationTable>>(() => CreateAsync(filter, asOfDate, cancellationToken)))
            .Value.WaitAsync(cancellationToken)).Name;

    /// <summary>The statement that fills <paramref name="table"/> with the scored population (also parsed by the SQL tests).</summary>
    public static string PopulationStatement(string table) =>
        $"WITH {SqlScripts.Load("SqlServer", DashboardScripts.Population)}\nSELECT * INTO {table} FROM population;";

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values.Where(t => t.IsValueCreated))
        {
            try
            {
                await (await table.Value).DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The build failed: no table was created, and the computation already reported the failure.
            }
        }
    }

    private async Task<PopulationTable> CreateAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var name = $"##campaign_population_{Guid.NewGuid():N}";
        var sql = PopulationStatement(name);
        using var activity = DashboardTelemetry.StartDatabaseCommand(DashboardScripts.Population, engine.TelemetryName);
        var connection = await engine.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql, binder.Bind(sql, filter, asOfDate), commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken));
            return new PopulationTable(name, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A population table and the connection whose session keeps it alive.</summary>
    private sealed record PopulationTable(string Name, DbConnection Connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await Connection.ExecuteAsync($"DROP TABLE IF EXISTS {Name};");
            }
            finally
            {
                await Connection.DisposeAsync();
            }
        }
    }
}
