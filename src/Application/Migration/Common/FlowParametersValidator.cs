using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Domain.Segments;
using FluentValidation;
using static CampaignDashboard.Application.Dashboard.Filters.FilterParser;

namespace CampaignDashboard.Application.Migration.Common;

/// <summary>The migration's rules, one label per side (of the request's scheme, or NOT ACTIVE), a known sort key.</summary>
public sealed class FlowParametersValidator : AbstractValidator<FlowParameters>
{
    public FlowParametersValidator(FilterParser filters)
    {
        Include(new MigrationParametersValidator(filters));
        RuleForLabel(filters.Schemes, q => q.FromSegment, FlowParameters.FromSegmentName);
        RuleForLabel(filters.Schemes, q => q.ToSegment, FlowParameters.ToSegmentName);
        RuleFor(q => q.Sort)
            .Must(sort => FlowSort.TryParse(sort, out _))
            .OverridePropertyName("sort")
            .WithMessage(q => $"unknown sort key '{q.Sort!.Trim()}'; allowed: {string.Join(", ", FlowSort.Keys)}, each optionally preceded by '-' for descending");
    }

    private void RuleForLabel(SegmentSchemes schemes, Func<FlowParameters, string?> side, string parameter) =>
        RuleFor(q => side(q)).Custom((label, context) =>
        {
            var parameters = context.InstanceToValidate;
            var scheme = IsBlank(parameters.SegmentScheme) ? schemes.Default
                : schemes.TryGet(parameters.SegmentScheme, out var named) ? named : null;
            if (IsBlank(label))
            {
                context.AddFailure(parameter, "is required: a segment label of the scheme, or NOT ACTIVE");
            }
            else if (scheme is not null && !SegmentMigration.TryFind(scheme, label!, out _))
            {
                context.AddFailure(parameter,
                    $"unknown label '{label!.Trim()}' of segment scheme '{scheme.Name}'; allowed labels: {string.Join(", ", SegmentMigration.Labels(scheme))}");
            }
        });
}
