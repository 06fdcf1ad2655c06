using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using CampaignDashboard.Application.Data;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// What DuckDB's errors mean: a database file that cannot be used until someone acts (damaged, not a database, its
/// disk full), one held by another process, a state that passes ("unavailable for now"), or a defect in a statement.
/// DuckDB reports file faults as IO errors told apart only by their text, matched here and nowhere else.
/// </summary>
public static partial class DuckDbFaults
{
    // DuckDB error kinds that come from the engine's state or environment rather than from the statement.
    private static readonly HashSet<DuckDBErrorType> Unavailable =
    [
        DuckDBErrorType.Io, DuckDBErrorType.Connection, DuckDBErrorType.Network, DuckDBErrorType.Transaction,
        DuckDBErrorType.Interrupt, DuckDBErrorType.Fatal, DuckDBErrorType.OutOfMemory, DuckDBErrorType.Permission,
        DuckDBErrorType.Http,
    ];

    /// <summary>Null when <paramref name="exception"/> is not DuckDB's.</summary>
    public static DatabaseFault? Classify(DbException exception) => exception is DuckDBException duckDb
        ? FileFaultOf(duckDb) switch
        {
            { Kind: DuckDbFileFaultKind.Corrupt or DuckDbFileFaultKind.Truncated or DuckDbFileFaultKind.NotADatabase } => DatabaseFault.Damaged,
            not null => DatabaseFault.Unavailable,
            // Opening a database that cannot be read is reported as "Invalid" with the IO error in the text.
            null when Unavailable.Contains(duckDb.ErrorType) || duckDb.IsTransient
                      || (duckDb.ErrorType == DuckDBErrorType.Invalid && duckDb.Message.Contains("IO Error", StringComparison.Ordinal)) =>
                DatabaseFault.Unavailable,
            null => DatabaseFault.Defect,
        }
        : null;

    /// <summary>What is wrong with the database file, when a DuckDB error says so; null for any other error.</summary>
    public static DuckDbFileFault? FileFaultOf(DuckDBException exception) => FileFaultOf(exception.Message, exception.ErrorType);

    /// <summary>What is wrong with the database file, when DuckDB's error message and kind say so; null for any other error.</summary>
    public static DuckDbFileFault? FileFaultOf(string message, DuckDBErrorType errorType)
    {
        if (message.Contains("Could not set lock on file", StringComparison.Ordinal))
        {
            return new(DuckDbFileFaultKind.HeldByAnotherProcess,
                HolderPid().Match(message) is { Success: true } pid ? int.Parse(pid.Groups[1].Value, CultureInfo.InvariantCulture) : null);
        }

        // A block failing its checksum ("Corrupt database file: ... in block at location"), or one whose contents make
        // no sense ("INTERNAL Error: Bitpacking offset is out of range at block ... - corrupt database file").
        if (message.Contains("corrupt database file", StringComparison.OrdinalIgnoreCase))
        {
            return new(DuckDbFileFaultKind.Corrupt);
        }

        if (message.Contains("Could not read enough bytes from file", StringComparison.Ordinal))
        {
            return new(DuckDbFileFaultKind.Truncated);
        }

        if (message.Contains("is not a valid DuckDB database file", StringComparison.Ordinal))
        {
            return new(DuckDbFileFaultKind.NotADatabase);
        }

        // A full disk: writing the file or the WAL fails, or spilling to the temporary folder does (DuckDB caps that
        // folder at the disk's free space and then calls it "out of memory": "failed to offload data block").
        return message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
               || (errorType == DuckDBErrorType.OutOfMemory && message.Contains("failed to offload data block", StringComparison.Ordinal))
            ? new(DuckDbFileFaultKind.NoSpace)
            : null;
    }

    /// <summary>
    /// The exception the application understands for a file fault of the database <paramref name="file"/>, its message
    /// one line naming the file, the fault and what to do; null when <paramref name="exception"/> is not a file fault.
    /// </summary>
    public static Exception? Explain(Exception exception, string file)
    {
        var duckDb = Chain(exception).OfType<DuckDBException>().FirstOrDefault();
        if (duckDb is null || FileFaultOf(duckDb) is not { } fault)
        {
            return null;
        }

        const string Damaged = "restore it from a backup, or import the data again into a new file (ConnectionStrings:Campaign)";
        return fault.Kind switch
        {
            DuckDbFileFaultKind.HeldByAnotherProcess => new DataStoreUnavailableException(
                $"The database file {file} is held by another process{(fault.HolderPid is { } pid ? $" (PID {pid})" : string.Empty)}, most likely a running " +
                "API or import (DuckDB allows one process per file). Stop that process or let it finish, and try again; nothing was changed.",
                duckDb),
            DuckDbFileFaultKind.Corrupt => new DataStoreDamagedException(
                $"The database file {file} is corrupt (a block fails its checksum or holds what cannot be): {Damaged}. Retrying will not help.", duckDb),
            DuckDbFileFaultKind.Truncated => new DataStoreDamagedException(
                $"The database file {file} is truncated (shorter than its own header says): {Damaged}. Retrying will not help.", duckDb),
            DuckDbFileFaultKind.NotADatabase => new DataStoreDamagedException(
                $"The database file {file} is not a DuckDB database (empty, or another kind of file): point ConnectionStrings:Campaign at the " +
                "dashboard's database, or at a path where none exists yet to create one.", duckDb),
            _ => new DataStoreUnavailableException(
                $"No space left on device: the disk holding the database file {file} (and its temporary folder {file}.tmp) is full. " +
                "Free space there and try again; nothing was changed.",
                duckDb),
        };
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    // DuckDB's "Conflicting lock is held in /usr/bin/dotnet (PID 4933)".
    [GeneratedRegex(@"\(PID (\d+)\)")]
    private static partial Regex HolderPid();
}

public enum DuckDbFileFaultKind
{
    /// <summary>Another process has the file open (DuckDB locks a file per process).</summary>
    HeldByAnotherProcess,

    /// <summary>A block fails its checksum, or its contents cannot be (a WAL replayed onto a file it was not written for).</summary>
    Corrupt,

    /// <summary>The file ends before the blocks its header lists.</summary>
    Truncated,

    /// <summary>Empty, or not DuckDB's format.</summary>
    NotADatabase,

    /// <summary>The disk holding the file or its temporary folder is full.</summary>
    NoSpace,
}

/// <summary>A fault of the database file; <see cref="HolderPid"/> is the process holding it, when DuckDB names it.</summary>
public sealed record DuckDbFileFault(DuckDbFileFaultKind Kind, int? HolderPid = null);
