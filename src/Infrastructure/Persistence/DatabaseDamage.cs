using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>
/// Whether this process has met a damaged database file (<see cref="DatabaseFault.Damaged"/>). No retry repairs one,
/// so readiness fails from then on, until the process is restarted over a restored or re-imported file.
/// </summary>
public sealed class DatabaseDamage(ICampaignDataStore store)
{
    private string? _description;

    /// <summary>What is damaged and what to do, once a request met it; null while none has.</summary>
    public string? Description => Volatile.Read(ref _description);

    /// <summary>Records the damage <paramref name="exception"/> shows; returns its one-line description (the file named).</summary>
    public string Record(Exception exception)
    {
        var description = exception is DataStoreDamagedException
            ? exception.Message
            : DuckDbFaults.Explain(exception, store.Describe())?.Message ?? $"The database {store.Describe()} is damaged: {exception.Message.Split('\n')[0]}";
        Interlocked.CompareExchange(ref _description, description, null);
        return description;
    }
}
