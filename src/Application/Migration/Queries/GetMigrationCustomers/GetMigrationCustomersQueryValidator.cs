using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.GetMigrationCustomers;

public sealed class GetMigrationCustomersQueryValidator : AbstractValidator<GetMigrationCustomersQuery>
{
    public GetMigrationCustomersQueryValidator(FilterParser filters)
    {
        Include(new FlowParametersValidator(filters));
        CustomerListParameters.RuleForPaging(this, q => q.Page, q => q.PageSize);
    }
}
