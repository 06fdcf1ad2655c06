using System.Collections.Concurrent;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// SQL Server: a computation's widget statements read their window's scored population from a global temporary table
/// of <see cref="SqlServerPopulationTables"/>, built once per window and data version for every request, instead of
/// each recomputing the window scan and the three NTILE sorts. A global (##) table because the widgets run side by side
/// on connections of their own. The computation holds its windows' tables until it ends. The tables hold customer ids
/// and measures, no name or mobile.
/// </summary>
public sealed class SqlServerSelectionInputs(SqlServerPopulationTables tables, IDataVersionSource dataVersion, SqlServerEngine engine)
    : ISelectionInputs, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(DateOnly?, DateOnly?, ScoreMethod), Lazy<Task<SharedTables<SqlServerPopulationTables.Key>.Lease>>> _held = new();

    public async Task<string> DefinitionsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        $"population AS (SELECT * FROM {await PopulationAsync(filter, asOfDate, cancellationToken)}),\n"
        + SqlScripts.Load(engine.ScriptFolder, DashboardScripts.CustomerMatches);

    /// <summary>Inline: SQL Server groups S in each widget's statement (its population table is already shared).</summary>
    public Task<string?> CellsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<string> PopulationAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var held = _held.GetOrAdd(
            (filter.StartDate, filter.EndDate, filter.ScoreMethod),
            _ => new(async () => await tables.AcquireAsync(filter, asOfDate, await dataVersion.CurrentAsync(cancellationToken), cancellationToken)));
        return (await held.Value.WaitAsync(cancellationToken)).Table;
    }

    /// <summary>
    /// The statement that fills <paramref name="table"/> with the scored population (also parsed by the SQL tests).
    /// RECOMPILE: it runs once per window and data version, so a plan for the window's own dates costs nothing, and
    /// with the dates as constants the optional bounds fold away (partition and row-group elimination) and the
    /// NTILE sorts get a memory grant sized for the window.
    /// </summary>
    public static string PopulationStatement(string table) =>
        $"WITH {SqlScripts.Load("SqlServer", DashboardScripts.Population)}\nSELECT * INTO {table} FROM population\nOPTION (RECOMPILE);";

    public async ValueTask DisposeAsync()
    {
        foreach (var held in _held.Values.Where(h => h.IsValueCreated))
        {
            try
            {
                await (await held.Value).DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The build failed: nothing is held, and the computation already reported the failure.
            }
        }
    }
}
