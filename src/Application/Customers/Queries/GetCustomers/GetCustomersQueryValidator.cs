using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Common.Options;
using FluentValidation;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>The filters of the dashboard, a known sort key, a page from 1, a page size of 1..1000.</summary>
public sealed class GetCustomersQueryValidator : AbstractValidator<GetCustomersQuery>
{
    public GetCustomersQueryValidator(SegmentSchemes schemes)
    {
        Include(new FilterParametersValidator(schemes));
        CustomerListParameters.RuleForSort(this, q => q.Sort);
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
