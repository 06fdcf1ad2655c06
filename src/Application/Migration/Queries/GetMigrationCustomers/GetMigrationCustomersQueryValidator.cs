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
        RuleFor(q => q.Page)
            .Must(page => CustomerListParameters.TryParsePage(page, out _))
            .OverridePropertyName(CustomerListParameters.Page)
            .WithMessage("must be a whole number from 1");
        RuleFor(q => q.PageSize)
            .Must(size => CustomerListParameters.TryParsePageSize(size, out _))
            .OverridePropertyName(CustomerListParameters.PageSize)
            .WithMessage($"must be a whole number from 1 to {CustomerListParameters.MaxPageSize}");
    }
}
