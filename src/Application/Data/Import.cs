namespace CampaignDashboard.Application.Data;

/// <summary>
/// What is wrong with one field of one row of an input file; printed as file:line: column: reason. Line 0 is the file
/// as a whole (it does not exist): printed as file: reason.
/// </summary>
public sealed record ImportError(string Source, long Line, string Column, string Reason)
{
    public override string ToString() => Line == 0 ? $"{Source}: {Reason}" : $"{Source}:{Line}: {Column}: {Reason}";
}

/// <summary>
/// A row read from a source: its record, or why it could not be read. A row rejected for another field than its id
/// keeps that id in <paramref name="RejectedId"/>: rows referring to it are not also reported as referring to nothing.
/// </summary>
public sealed record SourceRow<T>(string Source, long Line, T? Record, ImportError? Error, long? RejectedId = null)
    where T : class;

public static class SourceRow
{
    public static SourceRow<T> Valid<T>(string source, long line, T record)
        where T : class => new(source, line, record, null);

    public static SourceRow<T> Invalid<T>(ImportError error, long? rejectedId = null)
        where T : class => new(error.Source, error.Line, null, error, rejectedId);
}

/// <summary>Rows to import: either relation may be empty.</summary>
/// <param name="FractionRead">How much of the input is read, when known (for progress).</param>
/// <param name="AllowUnknownCustomers">
/// Accept transactions whose customer has no customers row (the contract counts them, with no name or mobile).
/// Off by default: such a row is usually a mistake in an export.
/// </param>
public sealed record ImportBatch(
    IEnumerable<SourceRow<CustomerRecord>> Customers,
    IEnumerable<SourceRow<TransactionRecord>> Transactions,
    Func<double?>? FractionRead = null,
    bool AllowUnknownCustomers = false)
{
    /// <summary>Rows made in code (generated data, tests): every row valid, numbered from 1.</summary>
    public static ImportBatch FromRecords(string source, IEnumerable<CustomerRecord> customers, IEnumerable<TransactionRecord> transactions) =>
        new(customers.Select((c, i) => SourceRow.Valid(source, i + 1, c)),
            transactions.Select((t, i) => SourceRow.Valid(source, i + 1, t)));
}

/// <summary>How far an import is: rows read so far, and the share of the input read when it is known.</summary>
public readonly record struct ImportProgress(long RowsRead, double? Fraction);

/// <summary>What an import did. Replaced rows had an id that was already in the database.</summary>
public sealed record ImportSummary(long RowsRead, long Inserted, long Replaced, TimeSpan Elapsed);

/// <summary>The input was rejected; nothing was written. <see cref="Errors"/> holds at most <see cref="MaxErrors"/>.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors, bool moreErrors)
    : Exception($"The import was rejected with {errors.Count}{(moreErrors ? "+" : string.Empty)} errors; nothing was changed.")
{
    public const int MaxErrors = 20;

    public IReadOnlyList<ImportError> Errors { get; } = errors;

    /// <summary>Reading stopped at <see cref="MaxErrors"/>: there may be more.</summary>
    public bool MoreErrors { get; } = moreErrors;
}

/// <summary>The database cannot be written now (held by another process, unreachable); nothing was changed.</summary>
public sealed class DataStoreUnavailableException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>
/// The database file is damaged (corrupt, truncated, not a database): no retry helps until an operator restores it or
/// imports the data again; the message says which.
/// </summary>
public sealed class DataStoreDamagedException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>
/// Imports all or nothing: rows are staged, checked (readable values, unique ids, every transaction's customer
/// in the database or in the batch), then written in one transaction where an existing id replaces its row.
/// Every import bumps the data version.
/// </summary>
public interface ICampaignImporter
{
    Task<ImportSummary> ImportAsync(ImportBatch batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}
