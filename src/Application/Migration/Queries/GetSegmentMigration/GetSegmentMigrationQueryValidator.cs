using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;

public sealed class GetSegmentMigrationQueryValidator : AbstractValidator<GetSegmentMigrationQuery>
{
    public GetSegmentMigrationQueryValidator(SegmentSchemes schemes) => Include(new MigrationParametersValidator(schemes));
}
