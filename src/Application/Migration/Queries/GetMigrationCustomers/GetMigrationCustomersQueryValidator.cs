using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.GetMigrationCustomers;

public sealed class GetMigrationCustomersQueryValidator : AbstractValidator<GetMigrationCustomersQuery>
{
    public GetMigrationCustomersQueryValidator(SegmentSchemes schemes)
    {
        Include(new FlowParametersValidator(schemes));
        CustomerListParameters.RuleForPaging(this, q => q.Page, q => q.PageSize);
    }
}
