using System.Data.Common;
using CampaignDashboard.Application.Data;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Api.Errors;

/// <summary>
/// Tells a database that is unavailable for now (unreachable, locked, out of resources, timing out: worth a retry,
/// 503) from a defect in a query (syntax, binding, a missing table, a conversion: a bug, 500). Both are logged with
/// the exception; only the first is presented to the client as temporary.
/// </summary>
public static class DatabaseFaults
{
    // DuckDB error kinds that come from the engine's state or environment rather than from the statement.
    private static readonly HashSet<DuckDBErrorType> DuckDbUnavailable =
    [
        DuckDBErrorType.Io, DuckDBErrorType.Connection, DuckDBErrorType.Network, DuckDBErrorType.Transaction,
        DuckDBErrorType.Interrupt, DuckDBErrorType.Fatal, DuckDBErrorType.OutOfMemory, DuckDBErrorType.Permission,
        DuckDBErrorType.Http,
    ];

    // SQL Server error numbers that mean "not now": timeout, connection and network failures, deadlock victim,
    // lock request timeout, database unavailable or failing over, resource limits (Azure SQL included).
    private static readonly HashSet<int> SqlServerUnavailable =
    [
        -2, -1, 2, 53, 64, 121, 233, 258, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10061, 10928, 10929, 11001,
        40143, 40197, 40501, 40540, 40613, 41301, 41302, 41305, 41325, 41839, 49918, 49919, 49920,
    ];

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says the database is unavailable for now.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DataStoreUnavailableException or TimeoutException:
                    return true;
                case DuckDBException duckDb:
                    return IsUnavailable(duckDb);
                case SqlException sqlServer:
                    return IsUnavailable(sqlServer);
                case DbException other:
                    return other.IsTransient;
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 1:
                    return aggregate.InnerExceptions.All(IsUnavailable);
            }
        }

        return false;
    }

    private static bool IsUnavailable(DuckDBException exception) =>
        DuckDbUnavailable.Contains(exception.ErrorType)
        || exception.IsTransient
        // Opening a database that cannot be read or locked is reported as "Invalid" with the IO error in the text.
        || (exception.ErrorType == DuckDBErrorType.Invalid
            && (exception.Message.Contains("IO Error", StringComparison.Ordinal)
                || exception.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)));

    private static bool IsUnavailable(SqlException exception) =>
        exception.IsTransient
        || exception.Class >= 20 // the connection was broken
        || exception.Errors.Cast<SqlError>().Any(error => SqlServerUnavailable.Contains(error.Number));
}
