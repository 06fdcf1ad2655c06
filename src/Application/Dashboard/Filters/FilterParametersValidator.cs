using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Customers;
using CampaignDashboard.Domain.Rfm;
using FluentValidation;
using static CampaignDashboard.Application.Dashboard.Filters.FilterParser;

namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>
/// The bad-value column of the contract's request table for the window and customer filters; each failure names the
/// public parameter. A query's validator includes it (<c>Include(new FilterParametersValidator(parser))</c>).
/// </summary>
public sealed class FilterParametersValidator : AbstractValidator<FilterParameters>
{
    private const string DateMessage = "must be a real date in the form YYYY-MM-DD";

    public FilterParametersValidator(FilterParser parser)
    {
        var schemes = parser.Schemes;
        RuleFor(q => q.StartDate)
            .Must(v => TryParseDate(v, out _)).OverridePropertyName(FilterParameterNames.StartDate).WithMessage(DateMessage);
        RuleFor(q => q.EndDate)
            .Must(v => TryParseDate(v, out _)).OverridePropertyName(FilterParameterNames.EndDate).WithMessage(DateMessage);
        RuleFor(q => q)
            .Must(HaveStartNotAfterEnd)
            .OverridePropertyName(FilterParameterNames.StartDate)
            .WithMessage(q => $"must not be after end_date ({q.EndDate!.Trim()})");

        RuleFor(q => q.CustomerMobile).Custom((mobile, context) =>
        {
            if (!IsBlank(mobile) && !parser.TryGetMobileDigits(mobile!, out _, out var error))
            {
                context.AddFailure(FilterParameterNames.CustomerMobile, error);
            }
        });

        RuleFor(q => q.CustomerName)
            .Must(name => IsBlank(name) || name!.Length <= CustomerName.MaxSearchLength)
            .OverridePropertyName(FilterParameterNames.CustomerName)
            .WithMessage(q => $"must be at most {CustomerName.MaxSearchLength} characters; found {q.CustomerName!.Length}");

        RuleForBucketLabels(q => q.RValueBucket, FilterParameterNames.RValueBucket, BucketFamilies.Recency);
        RuleForBucketLabels(q => q.FValueBucket, FilterParameterNames.FValueBucket, BucketFamilies.Visits);
        RuleForBucketLabels(q => q.MValueBucket, FilterParameterNames.MValueBucket, BucketFamilies.Spend);

        RuleForScores(q => q.RScore, FilterParameterNames.RScore);
        RuleForScores(q => q.FScore, FilterParameterNames.FScore);
        RuleForScores(q => q.MScore, FilterParameterNames.MScore);
        RuleFor(q => q.SegmentScheme)
            .Must(name => IsBlank(name) || schemes.TryGet(name, out _))
            .OverridePropertyName(FilterParameterNames.SegmentScheme)
            .WithMessage(q => $"unknown segment scheme '{q.SegmentScheme!.Trim()}'; allowed schemes: {string.Join(", ", schemes.Names)}");
        RuleFor(q => q.ScoreMethod)
            .Must(method => IsBlank(method) || ScoreMethods.TryParse(method, out _))
            .OverridePropertyName(FilterParameterNames.ScoreMethod)
            .WithMessage(q => $"unknown score method '{q.ScoreMethod!.Trim()}'; allowed methods: {string.Join(", ", ScoreMethods.Names)}");

        // Segment labels are those of the request's scheme (when it names a known one).
        RuleFor(q => q.Segment).Custom((labels, context) =>
        {
            var parameters = context.InstanceToValidate;
            var scheme = IsBlank(parameters.SegmentScheme) ? schemes.Default
                : schemes.TryGet(parameters.SegmentScheme, out var named) ? named : null;
            foreach (var label in NonBlankLabels(labels).Where(label => scheme is not null && !scheme.TryFind(label, out _)))
            {
                context.AddFailure(FilterParameterNames.Segment,
                    $"unknown label '{label.Trim()}' of segment scheme '{scheme!.Name}'; allowed labels: {string.Join(", ", scheme.Labels)}");
            }
        });
    }

    private static bool HaveStartNotAfterEnd(FilterParameters parameters) =>
        !TryParseDate(parameters.StartDate, out var start) || !TryParseDate(parameters.EndDate, out var end)
        || start is null || end is null || start <= end;

    private void RuleForBucketLabels(
        System.Linq.Expressions.Expression<Func<FilterParameters, IReadOnlyList<string>?>> labels,
        string parameter,
        BucketFamily family) =>
        RuleForLabels(labels, parameter, family.Labels, label => family.TryFind(label, out _));

    private void RuleForLabels(
        System.Linq.Expressions.Expression<Func<FilterParameters, IReadOnlyList<string>?>> labels,
        string parameter,
        IEnumerable<string> allowedLabels,
        Func<string, bool> isKnown)
    {
        var allowed = string.Join(", ", allowedLabels);
        RuleFor(labels).Custom((values, context) =>
        {
            foreach (var label in NonBlankLabels(values).Where(label => !isKnown(label)))
            {
                context.AddFailure(parameter, $"unknown label '{label.Trim()}'; allowed labels: {allowed}{PlusHint(label, isKnown)}");
            }
        });
    }

    // "10+" sent unencoded arrives as "10 ": a URL reads '+' as a space.
    private static string PlusHint(string label, Func<string, bool> isKnown) =>
        label.EndsWith(' ') && isKnown(label.TrimEnd() + "+")
            ? $" ('{label.TrimEnd()}+' sent unencoded? In a URL '+' means a space: encode + as %2B)"
            : string.Empty;

    private void RuleForScores(System.Linq.Expressions.Expression<Func<FilterParameters, IReadOnlyList<string>?>> scores, string parameter) =>
        RuleFor(scores).Custom((values, context) =>
        {
            foreach (var value in NonBlankLabels(values).Where(value => !RfmScores.TryParse(value, out _)))
            {
                context.AddFailure(parameter, $"'{value.Trim()}' is not a score; scores are 1, 2, 3, 4, 5");
            }
        });
}
