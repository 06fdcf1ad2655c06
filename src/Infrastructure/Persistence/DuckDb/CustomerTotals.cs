using System.Data.Common;
using CampaignDashboard.Domain.FiscalYears;
using Dapper;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// campaign.customer_totals, every customer's measures over its whole history, kept in the transaction that writes the
/// visits (ADR 9): a dashboard whose window covers every visit scores them instead of aggregating every visit. Their
/// fiscal-year bits depend on the fiscal year start and count back from the fiscal year of the data's last day, so
/// the totals carry both (campaign.customer_totals_basis) and are counted again when either changes.
/// </summary>
internal static class CustomerTotals
{
    /// <summary>What the totals were counted for, and the data's first and last days then (null: no totals yet).</summary>
    public sealed record Basis(int FiscalYearStartMonth, int? ReferenceFiscalYear, DateOnly? FirstDate, DateOnly? LastDate)
    {
        /// <summary>Whether the totals serve a window from <paramref name="start"/> to <paramref name="end"/>, scored as of <paramref name="asOfDate"/>.</summary>
        public bool Covers(DateOnly? start, DateOnly? end, DateOnly asOfDate, FiscalCalendar calendar) =>
            FiscalYearStartMonth == calendar.StartMonth
            && ReferenceFiscalYear == calendar.FiscalYearOf(asOfDate)
            && (start is null || start <= FirstDate)
            && (end is null || end >= LastDate);
    }

    public static async Task<Basis?> ReadBasisAsync(DbConnection connection, DbTransaction? transaction, IDatabaseEngine engine, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            engine.Qualify("SELECT fiscal_year_start_month, reference_fiscal_year, first_date, last_date FROM campaign.customer_totals_basis"),
            transaction: transaction, cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // DuckDB reads DATE as DateOnly.
        return new Basis(
            reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3));
    }

    /// <summary>
    /// Whether the totals were counted for this fiscal calendar and the fiscal year of the data's last day, as they are
    /// in <paramref name="transaction"/> (or now).
    /// </summary>
    public static async Task<bool> AreCurrentAsync(DbConnection connection, DbTransaction? transaction, IDatabaseEngine engine, FiscalCalendar calendar, CancellationToken cancellationToken) =>
        IsCurrent(await ReadBasisAsync(connection, transaction, engine, cancellationToken), await DataBasisAsync(connection, transaction, engine, calendar, cancellationToken));

    /// <summary>
    /// Brings the totals up to date in <paramref name="transaction"/>, after the visits were written: every customer's
    /// when they are not current (<see cref="AreCurrentAsync"/>), else those of campaign_import.affected_customers
    /// (an import's), or none (<paramref name="affectedOnly"/> false: at open).
    /// </summary>
    public static async Task RefreshAsync(
        DbConnection connection, DbTransaction transaction, IDatabaseEngine engine, FiscalCalendar calendar, bool affectedOnly, CancellationToken cancellationToken)
    {
        var data = await DataBasisAsync(connection, transaction, engine, calendar, cancellationToken);
        var current = IsCurrent(await ReadBasisAsync(connection, transaction, engine, cancellationToken), data);
        if (current && !affectedOnly)
        {
            return;
        }

        if (!current)
        {
            await ExecuteAsync("derived/customer_totals_all", new Dictionary<string, object?>());
        }

        var values = new Dictionary<string, object?>
        {
            ["fiscal_year_start_month"] = data.FiscalYearStartMonth,
            ["as_of_fiscal_year"] = data.ReferenceFiscalYear,
        };
        var refresh = engine.Script("derived/customer_totals_refresh").Replace("{measures}", engine.Script("population/measures"), StringComparison.Ordinal);
        await AffectedCustomerRanges.RunPerRangeAsync(connection, transaction, engine, refresh, values, cancellationToken);
        await ExecuteAsync("derived/customer_totals_basis", new Dictionary<string, object?>
        {
            ["fiscal_year_start_month"] = data.FiscalYearStartMonth,
            ["reference_fiscal_year"] = data.ReferenceFiscalYear,
            ["first_date"] = data.FirstDate,
            ["last_date"] = data.LastDate,
        });

        Task<int> ExecuteAsync(string script, IReadOnlyDictionary<string, object?> parameters) => connection.ExecuteAsync(new CommandDefinition(
            engine.Script(script), new DynamicParameters(parameters), transaction, 0, cancellationToken: cancellationToken));
    }

    private static bool IsCurrent(Basis? stored, Basis data) =>
        stored is not null && stored.FiscalYearStartMonth == data.FiscalYearStartMonth && stored.ReferenceFiscalYear == data.ReferenceFiscalYear;

    /// <summary>
    /// The basis the data calls for, from one read of its first and last days: this calendar, counted back from the
    /// fiscal year of the last day (null: no data).
    /// </summary>
    private static async Task<Basis> DataBasisAsync(
        DbConnection connection, DbTransaction? transaction, IDatabaseEngine engine, FiscalCalendar calendar, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            engine.Qualify("SELECT MIN(transaction_date), MAX(transaction_date) FROM campaign.customer_days"),
            transaction: transaction, cancellationToken: cancellationToken));
        await reader.ReadAsync(cancellationToken);
        DateOnly? first = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0);
        DateOnly? last = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1);
        return new Basis(calendar.StartMonth, last is { } day ? calendar.FiscalYearOf(day) : null, first, last);
    }
}
