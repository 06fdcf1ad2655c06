using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace CampaignDashboard.Application.Common.Caching;

/// <summary>
/// The memory cache behind HybridCache (its local level, where responses are kept), bounded to a number of entries:
/// every entry counts one unit of <see cref="MemoryCacheOptions.SizeLimit"/>, whatever size HybridCache gives it
/// (it gives none to immutable responses, which a size-limited cache would then refuse, and bytes to others).
/// Beyond the limit new entries are not kept and the cache compacts, least recently used first.
/// </summary>
public sealed class EntryCountedMemoryCache(int entries) : IMemoryCache
{
    private readonly MemoryCache _inner = new(new MemoryCacheOptions { SizeLimit = entries });

    /// <summary>Entries held now.</summary>
    public int Count => _inner.Count;

    public ICacheEntry CreateEntry(object key) => new CountedEntry(_inner.CreateEntry(key));

    public bool TryGetValue(object key, out object? value) => _inner.TryGetValue(key, out value);

    public void Remove(object key) => _inner.Remove(key);

    public void Dispose() => _inner.Dispose();

    /// <summary>An entry of size one, whatever size its creator sets.</summary>
    private sealed class CountedEntry : ICacheEntry
    {
        private readonly ICacheEntry _inner;

        public CountedEntry(ICacheEntry inner)
        {
            _inner = inner;
            _inner.Size = 1;
        }

        public object Key => _inner.Key;

        public object? Value { get => _inner.Value; set => _inner.Value = value; }

        public DateTimeOffset? AbsoluteExpiration { get => _inner.AbsoluteExpiration; set => _inner.AbsoluteExpiration = value; }

        public TimeSpan? AbsoluteExpirationRelativeToNow { get => _inner.AbsoluteExpirationRelativeToNow; set => _inner.AbsoluteExpirationRelativeToNow = value; }

        public TimeSpan? SlidingExpiration { get => _inner.SlidingExpiration; set => _inner.SlidingExpiration = value; }

        public IList<IChangeToken> ExpirationTokens => _inner.ExpirationTokens;

        public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks => _inner.PostEvictionCallbacks;

        public CacheItemPriority Priority { get => _inner.Priority; set => _inner.Priority = value; }

        public long? Size { get => _inner.Size; set { } }

        public void Dispose() => _inner.Dispose();
    }
}
