using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Common.Options;
using FluentValidation;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The dashboard takes the window and customer filters only.</summary>
public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    public GetDashboardQueryValidator(SegmentSchemes schemes) => Include(new FilterParametersValidator(schemes));
}
