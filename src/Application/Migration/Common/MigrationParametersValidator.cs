using CampaignDashboard.Application.Dashboard.Filters;
using FluentValidation;
using static CampaignDashboard.Application.Dashboard.Filters.FilterParser;

namespace CampaignDashboard.Application.Migration.Common;

/// <summary>Both dates required and real, from before to, a window of 1..3650 days, and the filters' own rules.</summary>
public sealed class MigrationParametersValidator : AbstractValidator<MigrationParameters>
{
    public MigrationParametersValidator(FilterParser filters)
    {
        Include(new FilterParametersValidator(filters));
        RuleFor(q => q.FromDate)
            .Must(v => !IsBlank(v) && TryParseDate(v, out _))
            .OverridePropertyName(MigrationParameters.FromDateName)
            .WithMessage("is required, a real date in the form YYYY-MM-DD");
        RuleFor(q => q.ToDate)
            .Must(v => !IsBlank(v) && TryParseDate(v, out _))
            .OverridePropertyName(MigrationParameters.ToDateName)
            .WithMessage("is required, a real date in the form YYYY-MM-DD");
        RuleFor(q => q)
            .Must(q => !TryParseDate(q.FromDate, out var from) || !TryParseDate(q.ToDate, out var to) || from is null || to is null || from < to)
            .OverridePropertyName(MigrationParameters.FromDateName)
            .WithMessage(q => $"must be before to_date ({q.ToDate!.Trim()})");
        RuleFor(q => q.WindowDays)
            .Must(v => MigrationParameters.TryParseWindowDays(v, out _))
            .OverridePropertyName(MigrationParameters.WindowDaysName)
            .WithMessage($"must be a whole number of days from 1 to {MigrationParameters.MaxWindowDays}");
    }
}
