using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// DuckDB: scored populations kept across requests, one table per (window, score method, as-of date, data version) in the
/// in-memory work catalog. Filters that only narrow the customers (mobile, name, buckets) reuse their window's
/// table; concurrent requests for one window share one computation. The least recently used tables beyond
/// <see cref="Capacity"/> are dropped as soon as no request is reading them.
/// </summary>
public sealed class ScoredPopulationCache(DuckDbEngine engine, IScoredPopulationBuilder builder) : IAsyncDisposable
{
    /// <summary>Windows kept; one population of a million customers takes about 100 MB.</summary>
    public const int Capacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<Entry> _entries = [];

    /// <summary>A population table for the filter's window, held until the lease is disposed.</summary>
    public async Task<Lease> AcquireAsync(DashboardFilter filter, DateOnly? asOfDate, long dataVersion)
    {
        var key = new Key(filter.StartDate, filter.EndDate, filter.ScoreMethod, asOfDate, dataVersion);
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
                // Built without the request's token: other requests wait for the same table, and a finished build
                // serves later ones even if its first requester went away. The command timeout bounds it (DuckDB
                // ignores DbCommand.CommandTimeout, so the build is cancelled explicitly).
                entry = new Entry(key, MaterializeAsync(filter, asOfDate));
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
            return new Lease(this, entry, await entry.Table);
        }
        catch
        {
            // A failed build is forgotten, so that the next request tries again.
            lock (_gate)
            {
                _entries.Remove(entry);
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

        if (drop && entry.Table.IsCompletedSuccessfully)
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
        engine.DropWorkTablesAsync(entries.Where(e => e.Table.IsCompletedSuccessfully).Select(e => e.Table.Result).ToArray());

    private async Task<string> MaterializeAsync(DashboardFilter filter, DateOnly? asOfDate)
    {
        await Task.Yield(); // never run the build under the cache's lock

        using var timeout = new CancellationTokenSource();
        if (engine.CommandTimeoutSeconds > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(engine.CommandTimeoutSeconds));
        }

        return await builder.BuildAsync(filter, asOfDate, timeout.Token);
    }

    internal sealed record Key(DateOnly? Start, DateOnly? End, ScoreMethod ScoreMethod, DateOnly? AsOf, long DataVersion);

    internal sealed class Entry(Key key, Task<string> table)
    {
        public Key Key { get; } = key;

        public Task<string> Table { get; } = table;

        public int Readers { get; set; }
    }

    /// <summary>A request's hold on a population table.</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly ScoredPopulationCache _cache;
        private readonly Entry _entry;
        private int _released;

        internal Lease(ScoredPopulationCache cache, Entry entry, string table)
        {
            _cache = cache;
            _entry = entry;
            Table = table;
        }

        public string Table { get; }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await _cache.ReleaseAsync(_entry);
            }
        }
    }
}
