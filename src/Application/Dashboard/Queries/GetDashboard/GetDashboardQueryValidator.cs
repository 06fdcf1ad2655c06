using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Customers;
using FluentValidation;
using static CampaignDashboard.Application.Dashboard.Queries.GetDashboard.DashboardFilterParser;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The bad-value column of the contract's request table; each failure names the public parameter.</summary>
public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    private const string DateMessage = "must be a real date in the form YYYY-MM-DD";

    public GetDashboardQueryValidator()
    {
        RuleFor(q => q.StartDate)
            .Must(v => TryParseDate(v, out _)).OverridePropertyName(DashboardParameters.StartDate).WithMessage(DateMessage);
        RuleFor(q => q.EndDate)
            .Must(v => TryParseDate(v, out _)).OverridePropertyName(DashboardParameters.EndDate).WithMessage(DateMessage);
        RuleFor(q => q)
            .Must(HaveStartNotAfterEnd)
            .OverridePropertyName(DashboardParameters.StartDate)
            .WithMessage(q => $"must not be after end_date ({q.EndDate!.Trim()})");

        RuleFor(q => q.CustomerMobile).Custom((mobile, context) =>
        {
            if (!IsBlank(mobile) && !MobileNumber.TryGetDigits(mobile!, out _, out var error))
            {
                context.AddFailure(DashboardParameters.CustomerMobile, error);
            }
        });

        RuleFor(q => q.CustomerName)
            .Must(name => IsBlank(name) || name!.Length <= CustomerName.MaxSearchLength)
            .OverridePropertyName(DashboardParameters.CustomerName)
            .WithMessage(q => $"must be at most {CustomerName.MaxSearchLength} characters; found {q.CustomerName!.Length}");

        RuleForBucketLabels(q => q.RValueBucket, DashboardParameters.RValueBucket, BucketFamilies.Recency);
        RuleForBucketLabels(q => q.FValueBucket, DashboardParameters.FValueBucket, BucketFamilies.Visits);
        RuleForBucketLabels(q => q.MValueBucket, DashboardParameters.MValueBucket, BucketFamilies.Spend);
    }

    private static bool HaveStartNotAfterEnd(GetDashboardQuery query) =>
        !TryParseDate(query.StartDate, out var start) || !TryParseDate(query.EndDate, out var end)
        || start is null || end is null || start <= end;

    private void RuleForBucketLabels(
        System.Linq.Expressions.Expression<Func<GetDashboardQuery, IReadOnlyList<string>?>> labels,
        string parameter,
        BucketFamily family)
    {
        var allowed = string.Join(", ", family.Labels);
        RuleFor(labels).Custom((values, context) =>
        {
            foreach (var label in NonBlankLabels(values).Where(label => !family.TryFind(label, out _)))
            {
                context.AddFailure(parameter, $"unknown label '{label.Trim()}'; allowed labels: {allowed}");
            }
        });
    }
}
