using System.Globalization;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Customers;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// The one place that reads request values: the validator asks it what is wrong, the handler asks it for the
/// typed filter. Blank values count as absent ("empty parameters are ignored").
/// </summary>
public static class DashboardFilterParser
{
    public static bool TryParseDate(string? value, out DateOnly? date)
    {
        date = null;
        if (IsBlank(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value!.Trim(), DashboardParameters.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Labels from a list whose items may be blank; blanks are dropped.</summary>
    public static IEnumerable<string> NonBlankLabels(IReadOnlyList<string>? labels) =>
        (labels ?? []).Where(label => !IsBlank(label));

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Builds the filter of a query that passed <see cref="GetDashboardQueryValidator"/>.</summary>
    public static DashboardFilter ToFilter(GetDashboardQuery query)
    {
        return new DashboardFilter(
            ValidDate(query.StartDate),
            ValidDate(query.EndDate),
            IsBlank(query.CustomerMobile) ? null : ValidMobileDigits(query.CustomerMobile!),
            IsBlank(query.CustomerName) ? null : query.CustomerName,
            Resolve(BucketFamilies.Recency, query.RValueBucket),
            Resolve(BucketFamilies.Visits, query.FValueBucket),
            Resolve(BucketFamilies.Spend, query.MValueBucket));
    }

    private static DateOnly? ValidDate(string? value) =>
        TryParseDate(value, out var date) ? date : throw Unvalidated(value);

    private static string ValidMobileDigits(string value) =>
        MobileNumber.TryGetDigits(value, out var digits, out _) ? digits : throw Unvalidated(value);

    private static InvalidOperationException Unvalidated(string? value) =>
        new($"The value '{value}' did not pass validation; ToFilter expects a validated query.");

    private static HashSet<Bucket> Resolve(BucketFamily family, IReadOnlyList<string>? labels) =>
        NonBlankLabels(labels)
            .Select(label => family.TryFind(label, out var bucket)
                ? bucket
                : throw Unvalidated(label))
            .ToHashSet();
}
