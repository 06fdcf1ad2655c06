using System.Data.Common;
using CampaignDashboard.Application.Data;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// The embedded engine. Connections to one file share one in-process database; a keeper connection stays open
/// for the process's lifetime so that the database (and its in-memory work catalog) is opened only once.
/// </summary>
public sealed class DuckDbEngine(string connectionString, int commandTimeoutSeconds) : IDatabaseEngine, IDisposable
{
    /// <summary>An in-memory catalog, shared by all connections, for per-request working tables.</summary>
    public const string WorkCatalog = "dashboard_work";

    private readonly SemaphoreSlim _openLock = new(1, 1);
    private DuckDBConnection? _keeper;

    public string ScriptFolder => "DuckDb";

    public char ParameterPrefix => '$';

    public int CommandTimeoutSeconds => commandTimeoutSeconds;

    public string ConnectionString => connectionString;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureOpenAsync(cancellationToken);
            var connection = new DuckDBConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataStoreUnavailableException(
                $"The database file {DuckDbConnectionStrings.FilePath(connectionString)} is held by another process, most likely a running " +
                "API (DuckDB allows one process per file). Stop that process and try again; nothing was changed. " +
                $"DuckDB said: {e.Message.Split('\n')[0]}",
                e);
        }
    }

    public void Dispose()
    {
        _keeper?.Dispose();
        _openLock.Dispose();
    }

    private async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _keeper) is not null)
        {
            return;
        }

        await _openLock.WaitAsync(cancellationToken);
        try
        {
            if (_keeper is null)
            {
                var keeper = new DuckDBConnection(connectionString);
                await keeper.OpenAsync(cancellationToken);
                await using (var attach = keeper.CreateCommand())
                {
                    attach.CommandText = $"ATTACH IF NOT EXISTS ':memory:' AS {WorkCatalog}";
                    await attach.ExecuteNonQueryAsync(cancellationToken);
                }

                Volatile.Write(ref _keeper, keeper);
            }
        }
        finally
        {
            _openLock.Release();
        }
    }
}
