using System.Data.Common;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// DuckDB: scored populations kept across requests, one per (window, score method, as-of date, data version), with their
/// tables in the in-memory work catalog. Filters that only narrow the customers (mobile, name, buckets) reuse their
/// window's population; concurrent requests for one window share one computation. The least recently used
/// populations beyond <see cref="Capacity"/> are dropped as soon as no request is reading them.
/// </summary>
public sealed class ScoredPopulationCache(DuckDbEngine engine, IScoredPopulationBuilder builder) : IAsyncDisposable
{
    /// <summary>Windows kept; a window's measures take about 60 MB per million customers (the all-history ones none).</summary>
    public const int Capacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<Entry> _entries = [];

    /// <summary>
    /// The scored population of the filter's window, held until the lease is disposed. <paramref name="cancellationToken"/>
    /// ends this wait; a build that no one waits for any longer stops. Windows the builder says are the same population
    /// (every window covering all visits is the all-history one) share one entry.
    /// </summary>
    public async Task<Lease> AcquireAsync(DashboardFilter filter, DateOnly? asOfDate, long dataVersion, CancellationToken cancellationToken)
    {
        var (start, end) = await builder.WindowOfAsync(filter, asOfDate, cancellationToken);
        var key = new Key(start, end, filter.ScoreMethod, asOfDate, dataVersion, engine.Generation);
        Entry entry;
        List<Entry> evicted;
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && node.Value.Key != key)
            {
                node = node.Next;
            }

            if (node is null)
            {
                // Built without any one request's token: requests for the window wait for the same table, and a finished
                // build serves later ones. It stops when its last waiter leaves, or at the command timeout (DuckDB
                // ignores DbCommand.CommandTimeout, so the build is cancelled explicitly).
                var abandoned = new CancellationTokenSource();
                entry = new Entry(key, abandoned, MaterializeAsync(filter, asOfDate, abandoned.Token));
                _entries.AddFirst(entry);
            }
            else
            {
                entry = node.Value;
                _entries.Remove(node);
                _entries.AddFirst(entry);
            }

            entry.Readers++;
            evicted = EvictLocked();
        }

        await DropAsync(evicted);
        try
        {
            return new Lease(this, entry, await entry.Population.WaitAsync(cancellationToken));
        }
        catch
        {
            bool abandoned;
            lock (_gate)
            {
                // A failed build is forgotten, so that the next request tries again; so is one whose last waiter left.
                abandoned = !entry.Population.IsCompleted && entry.Readers == 1;
                if (abandoned || !entry.Population.IsCompletedSuccessfully)
                {
                    _entries.Remove(entry);
                }
            }

            if (abandoned)
            {
                await entry.Abandoned.CancelAsync();
            }

            await ReleaseAsync(entry);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Entry> all;
        lock (_gate)
        {
            all = [.. _entries];
            _entries.Clear();
        }

        await DropAsync(all);
    }

    private async Task ReleaseAsync(Entry entry)
    {
        bool drop;
        lock (_gate)
        {
            entry.Readers--;
            drop = entry.Readers == 0 && !_entries.Contains(entry);
        }

        if (drop && entry.Population.IsCompletedSuccessfully)
        {
            await DropAsync([entry]);
        }
    }

    private List<Entry> EvictLocked()
    {
        var evicted = new List<Entry>();
        while (_entries.Count > Capacity)
        {
            var last = _entries.Last!.Value;
            _entries.RemoveLast();
            if (last.Readers == 0)
            {
                evicted.Add(last);
            }
        }

        return evicted;
    }

    private Task DropAsync(IEnumerable<Entry> entries) =>
        engine.DropWorkTablesAsync(entries
            .Where(e => e.Population.IsCompletedSuccessfully)
            .SelectMany(e => e.Cells is { IsCompletedSuccessfully: true } cells ? [.. e.Population.Result.WorkTables, cells.Result] : e.Population.Result.WorkTables)
            .ToArray());

    /// <summary>
    /// The entry's cells, filled by <paramref name="fill"/> the first time (again after a failure), stopped at the command
    /// timeout as a build is. The fill reads the population as a reader of its own until it has ended, so that the entry
    /// (and a table it made) is not dropped under it.
    /// </summary>
    private Task<string> CellsOfAsync(Entry entry, Func<CancellationToken, Task<string>> fill)
    {
        lock (_gate)
        {
            if (entry.Cells is null || entry.Cells.IsFaulted || entry.Cells.IsCanceled)
            {
                entry.Readers++;
                var timeout = new CancellationTokenSource();
                if (engine.CommandTimeoutSeconds > 0)
                {
                    timeout.CancelAfter(TimeSpan.FromSeconds(engine.CommandTimeoutSeconds));
                }

                entry.Cells = Task.Run(async () =>
                {
                    try
                    {
                        return await fill(timeout.Token);
                    }
                    catch (Exception e) when (timeout.IsCancellationRequested)
                    {
                        // As a build's: its waiters are told the database did not answer in time (a 503).
                        throw new TimeoutException(
                            $"Counting a population's cells took longer than Database:CommandTimeoutSeconds ({engine.CommandTimeoutSeconds} s).", e);
                    }
                });
                _ = ReleaseAfterAsync(entry, entry.Cells, timeout);
            }

            return entry.Cells;
        }
    }

    private async Task ReleaseAfterAsync(Entry entry, Task fill, CancellationTokenSource timeout)
    {
        await Task.Yield(); // started under the cache's lock: never release (and drop) under it
        try
        {
            await fill;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The requests waiting for the cells report it; the next one fills them again.
        }
        finally
        {
            timeout.Dispose();
            try
            {
                await ReleaseAsync(entry);
            }
            catch (Exception e) when (e is DbException or ObjectDisposedException)
            {
                // A drop that failed (or came after the engine's end) leaves its tables in the work catalog until the
                // database is opened again.
            }
        }
    }

    private async Task<ScoredPopulation> MaterializeAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken abandoned)
    {
        await Task.Yield(); // never run the build under the cache's lock

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
        if (engine.CommandTimeoutSeconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(engine.CommandTimeoutSeconds));
        }

        ScoredPopulation population;
        try
        {
            population = await builder.BuildAsync(filter, asOfDate, stop.Token);
        }
        catch (Exception e) when (stop.IsCancellationRequested && !abandoned.IsCancellationRequested)
        {
            // Its waiters are still there: they are told the database did not answer in time (a 503), not "cancelled".
            throw new TimeoutException(
                $"Building a window's scored population took longer than Database:CommandTimeoutSeconds ({engine.CommandTimeoutSeconds} s).", e);
        }

        if (abandoned.IsCancellationRequested)
        {
            // Finished as its last waiter left: the entry is gone, and so go its tables.
            await engine.DropWorkTablesAsync(population.WorkTables);
            abandoned.ThrowIfCancellationRequested();
        }

        return population;
    }

    // A reopened database (DuckDbEngine.Generation) has a new work catalog: earlier tables are gone, their entries unreachable.
    internal sealed record Key(DateOnly? Start, DateOnly? End, ScoreMethod ScoreMethod, DateOnly? AsOf, long DataVersion, int Generation);

    internal sealed class Entry(Key key, CancellationTokenSource abandoned, Task<ScoredPopulation> population)
    {
        public Key Key { get; } = key;

        /// <summary>Cancelled when the build's last waiter leaves before it is finished.</summary>
        public CancellationTokenSource Abandoned { get; } = abandoned;

        public Task<ScoredPopulation> Population { get; } = population;

        /// <summary>P's cells (selection_cells.sql over every customer): a table of at most a few thousand rows.</summary>
        public Task<string>? Cells { get; set; }

        public int Readers { get; set; }
    }

    /// <summary>A request's hold on a scored population.</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly ScoredPopulationCache _cache;
        private readonly Entry _entry;
        private int _released;

        internal Lease(ScoredPopulationCache cache, Entry entry, ScoredPopulation population)
        {
            _cache = cache;
            _entry = entry;
            Population = population;
        }

        public ScoredPopulation Population { get; }

        /// <summary>
        /// The population's cells, kept with it: <paramref name="fill"/> makes their table (a work table the cache drops
        /// with the population) the first time a request asks for them.
        /// </summary>
        public Task<string> CellsAsync(Func<CancellationToken, Task<string>> fill, CancellationToken cancellationToken) =>
            _cache.CellsOfAsync(_entry, fill).WaitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await _cache.ReleaseAsync(_entry);
            }
        }
    }
}
