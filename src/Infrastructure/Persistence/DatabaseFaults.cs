using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>What a database failure means for the one who meets it.</summary>
public enum DatabaseFault
{
    /// <summary>A defect in a query (syntax, binding, a missing table, a conversion): a bug, 500.</summary>
    Defect,

    /// <summary>Unavailable for now (unreachable, locked, out of resources, timing out): worth a retry, 503 with Retry-After.</summary>
    Unavailable,

    /// <summary>The database file is damaged (corrupt, truncated, not a database): no retry helps; an operator restores or re-imports it.</summary>
    Damaged,
}

/// <summary>
/// Classifies database failures (<see cref="DatabaseFault"/>). Each engine classifies its own exceptions
/// (<see cref="DuckDbFaults"/>, <see cref="SqlServerFaults"/>); this walks the chain.
/// </summary>
public static class DatabaseFaults
{
    // Each engine's classifier: null when the exception is not that engine's.
    private static readonly Func<DbException, DatabaseFault?>[] Engines =
    [
        DuckDbFaults.Classify,
        e => SqlServerFaults.IsUnavailable(e) switch { null => null, true => DatabaseFault.Unavailable, false => DatabaseFault.Defect },
    ];

    /// <summary>What <paramref name="exception"/>, or one it wraps, says about the database.</summary>
    public static DatabaseFault Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DataStoreDamagedException:
                    return DatabaseFault.Damaged;
                case DataStoreUnavailableException or TimeoutException:
                    return DatabaseFault.Unavailable;
                case DbException database:
                    return Engines.Select(engine => engine(database)).FirstOrDefault(verdict => verdict is not null)
                           ?? (database.IsTransient ? DatabaseFault.Unavailable : DatabaseFault.Defect);
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 1:
                    var faults = aggregate.InnerExceptions.Select(Classify).ToList();
                    return faults.Contains(DatabaseFault.Damaged) ? DatabaseFault.Damaged
                        : faults.All(f => f == DatabaseFault.Unavailable) ? DatabaseFault.Unavailable
                        : DatabaseFault.Defect;
            }
        }

        return DatabaseFault.Defect;
    }
}
