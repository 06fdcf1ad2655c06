namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>A table built for a key, and how to drop it.</summary>
public sealed record SharedTable(string Name, Func<ValueTask> DropAsync);

/// <summary>
/// Tables built once per key and read by any number of requests: at most <paramref name="capacity"/> are kept (the
/// most recently used); an evicted table is dropped once its last reader has released it, never under a reader.
/// </summary>
public sealed class SharedTables<TKey>(int capacity, Func<TKey, Task<SharedTable>> build) : IAsyncDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _entries = [];

    /// <summary>The table of <paramref name="key"/>, built on first use (without the caller's token: others may wait for it).</summary>
    public async Task<Lease> AcquireAsync(TKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        List<Entry> evicted = [];
        lock (_gate)
        {
            entry = _entries.FirstOrDefault(e => EqualityComparer<TKey>.Default.Equals(e.Key, key)) ?? new Entry(key, build(key));
            _entries.Remove(entry);
            _entries.AddFirst(entry);
            entry.Readers++;
            while (_entries.Count > capacity)
            {
                var last = _entries.Last!.Value;
                _entries.RemoveLast();
                if (last.Readers == 0)
                {
                    evicted.Add(last);
                }
            }
        }

        await DropAsync(evicted);
        try
        {
            return new Lease(this, entry, await entry.Table.WaitAsync(cancellationToken));
        }
        catch
        {
            if (entry.Table.IsFaulted)
            {
                // A failed build is forgotten, so that the next request tries again.
                lock (_gate)
                {
                    _entries.Remove(entry);
                }
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

        if (drop)
        {
            await DropAsync([entry]);
        }
    }

    private static async Task DropAsync(IEnumerable<Entry> entries)
    {
        foreach (var entry in entries.Where(e => e.Table.IsCompletedSuccessfully))
        {
            await entry.Table.Result.DropAsync();
        }
    }

    internal sealed class Entry(TKey key, Task<SharedTable> table)
    {
        public TKey Key { get; } = key;

        public Task<SharedTable> Table { get; } = table;

        public int Readers { get; set; }
    }

    /// <summary>A reader's hold on a table: the table stays until every lease on it is disposed.</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly SharedTables<TKey> _tables;
        private readonly Entry _entry;
        private int _released;

        internal Lease(SharedTables<TKey> tables, Entry entry, SharedTable table)
        {
            _tables = tables;
            _entry = entry;
            Table = table.Name;
        }

        public string Table { get; }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await _tables.ReleaseAsync(_entry);
            }
        }
    }
}
