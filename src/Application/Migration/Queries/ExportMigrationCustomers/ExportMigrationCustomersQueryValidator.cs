using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.ExportMigrationCustomers;

public sealed class ExportMigrationCustomersQueryValidator : AbstractValidator<ExportMigrationCustomersQuery>
{

    public ExportMigrationCustomersQueryValidator(SegmentSchemes schemes)
    {
        Include(new FlowParametersValidator(schemes));
        CustomerListParameters.RuleForNoPaging(this, q => q.Page, q => q.PageSize);
    }
}
