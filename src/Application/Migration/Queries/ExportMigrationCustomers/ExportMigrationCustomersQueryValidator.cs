using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Migration.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Migration.Queries.ExportMigrationCustomers;

public sealed class ExportMigrationCustomersQueryValidator : AbstractValidator<ExportMigrationCustomersQuery>
{
    private const string WholeExport = "is not taken by the export, which holds every customer of the flow";

    public ExportMigrationCustomersQueryValidator(SegmentSchemes schemes)
    {
        Include(new FlowParametersValidator(schemes));
        RuleFor(q => q.Page).Empty().OverridePropertyName(CustomerListParameters.Page).WithMessage(WholeExport);
        RuleFor(q => q.PageSize).Empty().OverridePropertyName(CustomerListParameters.PageSize).WithMessage(WholeExport);
    }
}
