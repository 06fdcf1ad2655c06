using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>
/// Tells a database that is unavailable for now (unreachable, locked, out of resources, timing out: worth a retry,
/// 503) from a defect in a query (syntax, binding, a missing table, a conversion: a bug, 500). Each engine
/// classifies its own exceptions (<see cref="DuckDbFaults"/>, <see cref="SqlServerFaults"/>); this walks the chain.
/// </summary>
public static class DatabaseFaults
{
    // Each engine's classifier: null when the exception is not that engine's.
    private static readonly Func<DbException, bool?>[] Engines = [DuckDbFaults.IsUnavailable, SqlServerFaults.IsUnavailable];

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says the database is unavailable for now.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DataStoreUnavailableException or TimeoutException:
                    return true;
                case DbException database:
                    return Engines.Select(engine => engine(database)).FirstOrDefault(verdict => verdict is not null) ?? database.IsTransient;
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 1:
                    return aggregate.InnerExceptions.All(IsUnavailable);
            }
        }

        return false;
    }
}
