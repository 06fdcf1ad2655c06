using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;

public sealed class GetSegmentMigrationQueryValidator : AbstractValidator<GetSegmentMigrationQuery>
{
    public GetSegmentMigrationQueryValidator(FilterParser filters) => Include(new MigrationParametersValidator(filters));
}
