using System.Globalization;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Customers;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>
/// The one place that reads request values: the validator asks it what is wrong, the handler asks it for the
/// typed filter. Blank values count as absent ("empty parameters are ignored"); a request that names no segment
/// scheme or score method gets the installation's defaults.
/// </summary>
public sealed class FilterParser(SegmentSchemes schemes, IOptions<DashboardOptions> dashboard)
{
    private static readonly IComparer<Bucket> BucketOrder = Comparer<Bucket>.Create((a, b) => a.Index.CompareTo(b.Index));

    public static bool TryParseDate(string? value, out DateOnly? date)
    {
        date = null;
        if (IsBlank(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value!.Trim(), FilterParameterNames.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
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

    /// <summary>The window of two validated dates; null when neither is given.</summary>
    public static DateWindow? WindowOf(string? start, string? end) =>
        ValidDate(start) is { } from && ValidDate(end) is { } to ? new DateWindow(from, to) : null;

    /// <summary>The segment schemes a request may name.</summary>
    public SegmentSchemes Schemes => schemes;

    /// <summary>The digit strings a searched mobile matches under Dashboard:PhoneRegion, or why it cannot be searched for.</summary>
    public bool TryGetMobileDigits(string value, out IReadOnlyList<string> digitStrings, out string error) =>
        MobileNumber.TryGetSearchDigits(value, dashboard.Value.PhoneRegionCode, out digitStrings, out error);

    /// <summary>The scheme a request names, or the default.</summary>
    public SegmentScheme SchemeOf(FilterParameters parameters) =>
        IsBlank(parameters.SegmentScheme) ? schemes.Default
        : schemes.TryGet(parameters.SegmentScheme, out var scheme) ? scheme : throw Unvalidated(parameters.SegmentScheme);

    /// <summary>Builds the filter of parameters that passed <see cref="FilterParametersValidator"/>.</summary>
    public DashboardFilter ToFilter(FilterParameters parameters) => ToFilter(parameters, SchemeOf(parameters));

    private DashboardFilter ToFilter(FilterParameters parameters, SegmentScheme scheme) => new()
    {
        StartDate = ValidDate(parameters.StartDate),
        EndDate = ValidDate(parameters.EndDate),
        MobileDigits = IsBlank(parameters.CustomerMobile) ? new() : new(ValidMobileDigits(parameters.CustomerMobile!), StringComparer.Ordinal),
        NameContains = IsBlank(parameters.CustomerName) ? null : parameters.CustomerName!.Trim(),
        RecencyBuckets = Resolve(BucketFamilies.Recency, parameters.RValueBucket),
        VisitBuckets = Resolve(BucketFamilies.Visits, parameters.FValueBucket),
        SpendBuckets = Resolve(BucketFamilies.Spend, parameters.MValueBucket),
        RScores = Scores(parameters.RScore),
        FScores = Scores(parameters.FScore),
        MScores = Scores(parameters.MScore),
        Segments = new(
            NonBlankLabels(parameters.Segment).Select(label => scheme.TryFind(label, out var segment) ? segment.Label : throw Unvalidated(label)),
            StringComparer.Ordinal),
        Scheme = scheme,
        ScoreMethod = IsBlank(parameters.ScoreMethod) ? schemes.DefaultMethod
            : ScoreMethods.TryParse(parameters.ScoreMethod, out var method) ? method : throw Unvalidated(parameters.ScoreMethod),
    };

    private static DateOnly? ValidDate(string? value) =>
        TryParseDate(value, out var date) ? date : throw Unvalidated(value);

    private IReadOnlyList<string> ValidMobileDigits(string value) =>
        TryGetMobileDigits(value, out var digits, out _) ? digits : throw Unvalidated(value);

    private static InvalidOperationException Unvalidated(string? value) =>
        new($"The value '{value}' did not pass validation; ToFilter expects validated parameters.");

    private static ValueSet<int> Scores(IReadOnlyList<string>? values) => new(
        NonBlankLabels(values).Select(value => RfmScores.TryParse(value, out var score) ? score : throw Unvalidated(value)),
        Comparer<int>.Default);

    private static ValueSet<Bucket> Resolve(BucketFamily family, IReadOnlyList<string>? labels) => new(
        NonBlankLabels(labels).Select(label => family.TryFind(label, out var bucket) ? bucket : throw Unvalidated(label)),
        BucketOrder);
}
