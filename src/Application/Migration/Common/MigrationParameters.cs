using System.Globalization;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;

namespace CampaignDashboard.Application.Migration.Common;

/// <summary>
/// The parameters of the segment migration (contract section 9): two snapshot dates, an optional window of days, and
/// of the filters only the mobile and name filters, the scheme and the score method.
/// </summary>
public abstract record MigrationParameters : FilterParameters
{
    public const string FromDateName = "from_date";
    public const string ToDateName = "to_date";
    public const string WindowDaysName = "window_days";
    public const int MaxWindowDays = 3650;

    public string? FromDate { get; init; }

    public string? ToDate { get; init; }

    public string? WindowDays { get; init; }

    /// <summary>The window of validated parameters; null = all history.</summary>
    public int? ValidWindowDays() =>
        TryParseWindowDays(WindowDays, out var days) ? days : throw new InvalidOperationException($"The window '{WindowDays}' did not pass validation.");

    public static bool TryParseWindowDays(string? text, out int? days)
    {
        days = null;
        if (FilterParser.IsBlank(text))
        {
            return true;
        }

        var valid = int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxWindowDays;
        days = valid ? value : null;
        return valid;
    }

    /// <summary>
    /// The two snapshots of validated parameters: at date D, the customers with a transaction in (D - window_days, D],
    /// or without a window on or before D, scored with as-of date D; both with the request's customer filters.
    /// </summary>
    public Snapshots SnapshotsOf(DashboardFilter filter)
    {
        var window = ValidWindowDays();
        DashboardFilter Snapshot(DateOnly date) => filter with { StartDate = window is { } days ? date.AddDays(1 - days) : null, EndDate = date };
        return new Snapshots(Snapshot(Date(FromDate)), Snapshot(Date(ToDate)));
    }

    private static DateOnly Date(string? text) =>
        FilterParser.TryParseDate(text, out var date) && date is { } day ? day : throw new InvalidOperationException($"The date '{text}' did not pass validation.");
}
