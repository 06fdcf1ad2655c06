using CampaignDashboard.Application.Dashboard.Filters;
using FluentValidation;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>The dashboard takes the window and customer filters only.</summary>
public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    public GetDashboardQueryValidator() => Include(new FilterParametersValidator());
}
