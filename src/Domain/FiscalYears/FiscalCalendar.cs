namespace CampaignDashboard.Domain.FiscalYears;

/// <summary>
/// Fiscal years that start on the first day of <see cref="StartMonth"/>. A fiscal year is identified by the
/// calendar year it starts in: with an April start, 2024-04-01 .. 2025-03-31 is fiscal year 2024, "FY2024-25".
/// </summary>
public readonly record struct FiscalCalendar
{
    public const int DefaultStartMonth = 4;

    public FiscalCalendar(int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        StartMonth = startMonth;
    }

    public int StartMonth { get; }

    /// <summary>The calendar year in which the fiscal year holding <paramref name="date"/> starts.</summary>
    /// <remarks>Months before the start month belong to the fiscal year that started the calendar year before (no date arithmetic, so 0001-01-01 has a fiscal year too).</remarks>
    public int FiscalYearOf(DateOnly date) => date.Month < StartMonth ? date.Year - 1 : date.Year;

    public DateOnly FirstDay(int fiscalYear) => new(fiscalYear, StartMonth, 1);

    public DateOnly LastDay(int fiscalYear) => FirstDay(fiscalYear).AddYears(1).AddDays(-1);

    /// <summary>"FY2024-25" for a fiscal year spanning two calendar years; "FY2024" when it is the calendar year.</summary>
    public string Label(int fiscalYear) =>
        StartMonth == 1 ? $"FY{fiscalYear}" : $"FY{fiscalYear}-{(fiscalYear + 1) % 100:00}";
}
