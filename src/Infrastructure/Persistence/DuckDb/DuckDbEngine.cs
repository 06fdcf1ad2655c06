using System.Data.Common;
using System.Globalization;
using CampaignDashboard.Application.Common.Exceptions;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// The embedded engine. Connections to one file share one in-process database; a keeper connection stays open
/// for the process's lifetime so that the database (and its in-memory work catalog) is opened only once.
/// </summary>
public sealed partial class DuckDbEngine(string connectionString, int commandTimeoutSeconds, string? memoryLimit = null, int threads = 0)
    : IDatabaseEngine, IDisposable
{
    /// <summary>An in-memory catalog, shared by all connections, for per-request working tables.</summary>
    public const string WorkCatalog = "dashboard_work";

    private static long _workTables;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private DuckDBConnection? _keeper;
    private int _generation;

    public string ScriptFolder => "DuckDb";

    public char ParameterPrefix => '$';

    public int CommandTimeoutSeconds => commandTimeoutSeconds;

    public string TelemetryName => "duckdb";

    public string ConnectionString => connectionString;

    /// <summary>
    /// Every statement names the campaign schemas with the file's catalog, which DuckDB names after the file (the part
    /// of its name before the first dot): "campaign.transactions" in a file named campaign.duckdb would be ambiguous
    /// between the catalog "campaign" and the schema "campaign". So any file name works.
    /// </summary>
    public string Qualify(string sql) => CampaignSchemaReference().Replace(sql, $"{_catalog}.$1.");

    private readonly string _catalog = QuotedCatalogOf(connectionString);

    // An import raised the memory cap and DuckDB refused to set it back at the import's end: connections try again.
    private volatile bool _memoryLimitRestorePending;

    private static string QuotedCatalogOf(string connectionString)
    {
        var path = DuckDbConnectionStrings.FilePath(connectionString);
        var name = path.StartsWith(':') ? "memory" : Path.GetFileName(path).Split('.')[0];
        return $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureOpenAsync(cancellationToken);
            var connection = new DuckDBConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            if (_memoryLimitRestorePending)
            {
                await RestoreMemoryLimitAsync(connection);
            }

            return connection;
        }
        catch (DuckDBException e) when (DuckDbFaults.Explain(e, DuckDbConnectionStrings.FilePath(connectionString)) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>
    /// Closes the connection that keeps the database open: once no other connection is open either, DuckDB closes it,
    /// and the next open starts afresh (replaying its WAL). The way out of a database DuckDB invalidated after a fatal error.
    /// </summary>
    /// <summary>How many times the database was reopened: work tables of an earlier generation are gone with its work catalog.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public async Task ReopenAsync()
    {
        await _openLock.WaitAsync();
        try
        {
            _keeper?.Dispose();
            Volatile.Write(ref _keeper, null);
            Interlocked.Increment(ref _generation);
        }
        finally
        {
            _openLock.Release();
        }
    }

    /// <summary>DuckDB materializes a result before the first row unless the command streams.</summary>
    public void StreamResults(DbCommand command) => ((DuckDBCommand)command).UseStreamingMode = true;

    /// <summary>A new, unused name for a table of the work catalog; generated here, never taken from input.</summary>
    public static string NewWorkTableName(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{WorkCatalog}.{prefix}_{Interlocked.Increment(ref _workTables)}");

    /// <summary>Drops tables of the work catalog (names from <see cref="NewWorkTableName"/>).</summary>
    public async Task DropWorkTablesAsync(IReadOnlyCollection<string> tables)
    {
        if (tables.Count == 0)
        {
            return;
        }

        if (tables.FirstOrDefault(table => !WorkTableName().IsMatch(table)) is { } foreign)
        {
            throw new ArgumentException($"'{foreign}' is not a name NewWorkTableName gave.", nameof(tables));
        }

        await using var connection = await OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Concat(tables.Select(table => $"DROP TABLE IF EXISTS {table};"));
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The configured cap on DuckDB's memory (Database:DuckDbMemoryLimit) in bytes; null when DuckDB's default applies.</summary>
    public long? MemoryLimitBytes => memoryLimit is null ? null : BytesOf(ValidMemoryLimit(memoryLimit));

    /// <summary>
    /// Lets DuckDB use every core until the result is disposed (outside any transaction), where fewer threads are
    /// configured (the command line's one): for an import's checks and derived data, which read the stored data.
    /// </summary>
    public async Task<IAsyncDisposable> UseEveryCoreAsync(DbConnection connection)
    {
        if (threads <= 0 || threads >= Environment.ProcessorCount)
        {
            return NothingToUndo.Instance;
        }

        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {Environment.ProcessorCount}"));
        return new ConfiguredThreads(connection, threads);
    }

    private sealed class ConfiguredThreads(DbConnection connection, int threads) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
            }
            catch (DbException)
            {
                // The import failed with the connection (its own failure is what is reported); more threads than
                // configured cost only memory, and the database's next open sets them again.
            }
        }
    }

    /// <summary>Raises the database's memory cap (every connection's) for one large import, until <see cref="RestoreMemoryLimitAsync"/>.</summary>
    public async Task RaiseMemoryLimitAsync(DbConnection connection, long bytes)
    {
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SET memory_limit = '{bytes / (1024 * 1024)}MiB'"));
        _memoryLimitRestorePending = false;
    }

    /// <summary>
    /// Sets the configured cap back after an import raised it; false when DuckDB refused (it cannot lower the cap while
    /// memory above it is pinned, e.g. by requests running): every connection opened from then on tries again.
    /// </summary>
    public async Task<bool> RestoreMemoryLimitAsync(DbConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, ConfiguredMemoryLimit());
            _memoryLimitRestorePending = false;
            return true;
        }
        catch (DbException)
        {
            _memoryLimitRestorePending = true;
            return false;
        }
    }

    private string ConfiguredMemoryLimit() => $"SET memory_limit = '{ValidMemoryLimit(memoryLimit!)}'";

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Bytes of a DuckDB memory size: KB, MB, GB, TB are powers of 1000, KiB ... TiB of 1024, as in DuckDB.</summary>
    public static long BytesOf(string size)
    {
        var match = MemorySize().Match(size);
        var unit = match.Groups[2].Value;
        var power = "KMGT".IndexOf(unit[0], StringComparison.Ordinal) + 1;
        var scale = Math.Pow(unit.Contains('i', StringComparison.Ordinal) ? 1024 : 1000, power);
        return (long)(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * scale);
    }

    /// <summary>Whether <paramref name="value"/> is a DuckDB memory size such as "512MB" or "1.5GB".</summary>
    public static bool IsMemorySize(string value) => MemorySize().IsMatch(value);

    /// <summary>A DuckDB memory size such as "512MB" or "1.5GB"; anything else is a configuration error.</summary>
    public static string ValidMemoryLimit(string value) => IsMemorySize(value)
        ? value.Trim()
        : throw new StartupConfigurationException($"Database:DuckDbMemoryLimit must be a size such as 512MB or 2GB; found '{value}'.");

    [System.Text.RegularExpressions.GeneratedRegex($@"^{WorkCatalog}\.[a-z_]+_\d+$")]
    private static partial System.Text.RegularExpressions.Regex WorkTableName();

    // "campaign." or "campaign_import." not already qualified (preceded by a name, a dot or a quote).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.""])(campaign|campaign_import)\.(?=[A-Za-z_])")]
    private static partial System.Text.RegularExpressions.Regex CampaignSchemaReference();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$")]
    private static partial System.Text.RegularExpressions.Regex MemorySize();

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
                await using (var setup = keeper.CreateCommand())
                {
                    // Row order in tables carries no meaning here; not preserving it lets large inserts stream.
                    setup.CommandText = $"ATTACH IF NOT EXISTS ':memory:' AS {WorkCatalog}; SET preserve_insertion_order = false;"
                        + (memoryLimit is null ? string.Empty : $" {ConfiguredMemoryLimit()};")
                        + (threads > 0 ? string.Create(CultureInfo.InvariantCulture, $" SET threads = {threads};") : string.Empty);
                    await setup.ExecuteNonQueryAsync(cancellationToken);
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
