using System.Data.Common;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Which DuckDB errors mean "unavailable for now" rather than a defect in a statement.</summary>
public static class DuckDbFaults
{
    // DuckDB error kinds that come from the engine's state or environment rather than from the statement.
    private static readonly HashSet<DuckDBErrorType> Unavailable =
    [
        DuckDBErrorType.Io, DuckDBErrorType.Connection, DuckDBErrorType.Network, DuckDBErrorType.Transaction,
        DuckDBErrorType.Interrupt, DuckDBErrorType.Fatal, DuckDBErrorType.OutOfMemory, DuckDBErrorType.Permission,
        DuckDBErrorType.Http,
    ];

    /// <summary>Null when <paramref name="exception"/> is not DuckDB's.</summary>
    public static bool? IsUnavailable(DbException exception) => exception is DuckDBException duckDb
        ? Unavailable.Contains(duckDb.ErrorType)
            || duckDb.IsTransient
            // Opening a database that cannot be read or locked is reported as "Invalid" with the IO error in the text.
            || (duckDb.ErrorType == DuckDBErrorType.Invalid
                && (duckDb.Message.Contains("IO Error", StringComparison.Ordinal)
                    || duckDb.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)))
        : null;
}
