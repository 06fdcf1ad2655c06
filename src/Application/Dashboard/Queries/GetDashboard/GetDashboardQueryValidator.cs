using CampaignDashboard.Application.Dashboard.Filters;
using FluentValidation;
using static CampaignDashboard.Application.Dashboard.Filters.FilterParser;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The window and customer filters, and a comparison window given whole (both dates) or not at all.</summary>
public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    private const string DateMessage = "must be a real date in the form YYYY-MM-DD";

    public GetDashboardQueryValidator(FilterParser filters)
    {
        Include(new FilterParametersValidator(filters));
        RuleFor(q => q.CompareStartDate)
            .Must(v => TryParseDate(v, out _)).OverridePropertyName(FilterParameterNames.CompareStartDate).WithMessage(DateMessage);
        RuleFor(q => q.CompareEndDate)
            .Must(v => TryParseDate(v, out _)).OverridePropertyName(FilterParameterNames.CompareEndDate).WithMessage(DateMessage);
        RuleFor(q => q.CompareEndDate)
            .Must((q, end) => IsBlank(q.CompareStartDate) || !IsBlank(end))
            .OverridePropertyName(FilterParameterNames.CompareEndDate)
            .WithMessage("is required with compare_start_date (a comparison window has both dates)");
        RuleFor(q => q.CompareStartDate)
            .Must((q, start) => IsBlank(q.CompareEndDate) || !IsBlank(start))
            .OverridePropertyName(FilterParameterNames.CompareStartDate)
            .WithMessage("is required with compare_end_date (a comparison window has both dates)");
        RuleFor(q => q)
            .Must(q => !TryParseDate(q.CompareStartDate, out var start) || !TryParseDate(q.CompareEndDate, out var end)
                       || start is null || end is null || start <= end)
            .OverridePropertyName(FilterParameterNames.CompareStartDate)
            .WithMessage(q => $"must not be after compare_end_date ({q.CompareEndDate!.Trim()})");
    }
}
