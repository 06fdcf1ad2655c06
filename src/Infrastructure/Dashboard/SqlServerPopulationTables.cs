using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Common.Telemetry;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// SQL Server: scored populations kept across requests, one global temporary table per (window, score method, as-of
/// date, data version), each held by a connection of its own (a ## table lives as long as the session that made it).
/// Filters that only narrow the customers reuse their window's table; concurrent requests for one window share one
/// build. At most <see cref="Capacity"/> are kept (<see cref="SharedTables{TKey}"/>: the least recently used beyond
/// it is dropped once no request reads it). A table whose session was lost (a server restart, a failover, a killed
/// session) is found missing when a request leases it, and every window is built again. A table is also built again
/// after Dashboard:CacheSeconds (every time when 0): data changed behind the data version (the views over a retailer's
/// tables of docs/sql-server.md) is then seen as soon as the response cache would see it.
/// </summary>
public sealed class SqlServerPopulationTables : IAsyncDisposable
{
    /// <summary>Windows kept; a population of a million customers is about 100 MB of tempdb.</summary>
    public const int Capacity = 4;

    private readonly ISqlServerPopulationBuilder _builder;
    private readonly SharedTables<Key> _tables;
    private readonly int _cacheSeconds;
    private readonly TimeProvider _time;
    private int _generation;
    private long _uncachedBuilds;

    public SqlServerPopulationTables(SqlServerEngine engine, DashboardParameterBinder binder, IOptions<DashboardOptions> options)
        : this(new SqlServerPopulationBuilder(engine, binder), options.Value.CacheSeconds, TimeProvider.System)
    {
    }

    internal SqlServerPopulationTables(ISqlServerPopulationBuilder builder, int cacheSeconds = 300, TimeProvider? time = null)
    {
        _builder = builder;
        _cacheSeconds = cacheSeconds;
        _time = time ?? TimeProvider.System;
        _tables = new SharedTables<Key>(Capacity, BuildAsync);
    }

    /// <summary>
    /// The population table of the filter's window, held until the lease is disposed. The build runs without the
    /// caller's token (other requests may wait for it; it is bounded by the command timeout) and, if the caller
    /// leaves, stays for the next request.
    /// </summary>
    public async Task<SharedTables<Key>.Lease> AcquireAsync(
        DashboardFilter filter, DateOnly? asOfDate, long dataVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var generation = Volatile.Read(ref _generation);
            var lease = await _tables.AcquireAsync(
                new Key(filter.StartDate, filter.EndDate, filter.ScoreMethod, asOfDate, dataVersion, generation, Period()), cancellationToken);
            bool exists;
            try
            {
                exists = await _builder.ExistsAsync(lease.Table, cancellationToken);
            }
            catch
            {
                await lease.DisposeAsync();
                throw;
            }

            if (exists)
            {
                return lease;
            }

            await lease.DisposeAsync();
            if (attempt == 2)
            {
                throw new InvalidOperationException(
                    $"The population table {lease.Table} was missing right after it was built: the API's connections do not all reach the "
                    + "same SQL Server (e.g. read-only routing spreads them over several replicas; see docs/scale-out.md).");
            }

            // Its session is gone, and so, most likely, are those of the other tables: the next generation builds anew.
            Interlocked.CompareExchange(ref _generation, generation + 1, generation);
        }
    }

    public ValueTask DisposeAsync() => _tables.DisposeAsync();

    /// <summary>The Dashboard:CacheSeconds period a table is built for; with the cache off, one per request.</summary>
    private long Period() => _cacheSeconds > 0
        ? _time.GetTimestamp() / (_cacheSeconds * _time.TimestampFrequency)
        : Interlocked.Increment(ref _uncachedBuilds);

    private async Task<SharedTable> BuildAsync(Key key)
    {
        await Task.Yield(); // SharedTables starts a build under its lock: never run any of it there
        var window = DashboardFilter.Unfiltered with { StartDate = key.Start, EndDate = key.End, ScoreMethod = key.ScoreMethod };
        return await _builder.BuildAsync(window, key.AsOf);
    }

    /// <summary>
    /// What a population table is built for; <paramref name="Generation"/> changes when tables were lost,
    /// <paramref name="Period"/> every Dashboard:CacheSeconds.
    /// </summary>
    public sealed record Key(DateOnly? Start, DateOnly? End, ScoreMethod ScoreMethod, DateOnly? AsOf, long DataVersion, int Generation, long Period);
}

/// <summary>Builds a window's population table on the server, and says whether a table still exists there.</summary>
internal interface ISqlServerPopulationBuilder
{
    /// <summary>A new table of the window's scored population, held by a session of its own until dropped.</summary>
    Task<SharedTable> BuildAsync(DashboardFilter window, DateOnly? asOfDate);

    Task<bool> ExistsAsync(string table, CancellationToken cancellationToken);
}

internal sealed class SqlServerPopulationBuilder(SqlServerEngine engine, DashboardParameterBinder binder) : ISqlServerPopulationBuilder
{
    /// <summary>Whether a global temporary table exists (also parsed by the SQL tests).</summary>
    public const string ExistsStatement = "SELECT CASE WHEN OBJECT_ID(@table) IS NULL THEN 0 ELSE 1 END;";

    public Task<SharedTable> BuildAsync(DashboardFilter window, DateOnly? asOfDate) =>
        SqlServerSessionTables.CreateAsync(engine, "campaign_population", async (connection, name) =>
        {
            var sql = SqlServerSelectionInputs.PopulationStatement(name);
            using var activity = DashboardTelemetry.StartDatabaseCommand(DashboardScripts.Population, engine.TelemetryName);
            await connection.ExecuteAsync(new CommandDefinition(sql, binder.Bind(sql, window, asOfDate), commandTimeout: engine.CommandTimeoutSeconds));
        });

    public async Task<bool> ExistsAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            ExistsStatement, new { table = $"tempdb..{table}" }, commandTimeout: engine.CommandTimeoutSeconds, cancellationToken: cancellationToken)) == 1;
    }
}
