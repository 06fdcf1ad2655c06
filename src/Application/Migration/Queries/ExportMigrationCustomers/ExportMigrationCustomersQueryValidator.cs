using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.ExportMigrationCustomers;

public sealed class ExportMigrationCustomersQueryValidator : AbstractValidator<ExportMigrationCustomersQuery>
{

    public ExportMigrationCustomersQueryValidator(FilterParser filters)
    {
        Include(new FlowParametersValidator(filters));
        CustomerListParameters.RuleForNoPaging(this, q => q.Page, q => q.PageSize);
    }
}
