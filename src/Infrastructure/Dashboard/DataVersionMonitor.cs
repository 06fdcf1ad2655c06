using System.Diagnostics;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Data;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// The data version, read from the database at most once per <see cref="RefreshInterval"/>: requests use the last
/// value instead of paying a query each (at thousands of requests per second that query would dominate).
/// An import in this process invalidates it at once; one in another process (SQL Server) is seen within one interval.
/// </summary>
public sealed class DataVersionMonitor(ICampaignDataStore store) : IDataVersionSource, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _version;
    private long _readAt = long.MinValue;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return Volatile.Read(ref _version);
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (!IsFresh())
            {
                Volatile.Write(ref _version, await store.GetDataVersionAsync(cancellationToken));
                Volatile.Write(ref _readAt, Stopwatch.GetTimestamp());
            }

            return Volatile.Read(ref _version);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached version: the next request reads it again (called when this process imported data).</summary>
    public void Invalidate() => Volatile.Write(ref _readAt, long.MinValue);

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh()
    {
        var readAt = Volatile.Read(ref _readAt);
        return readAt != long.MinValue && Stopwatch.GetElapsedTime(readAt) < RefreshInterval;
    }
}
