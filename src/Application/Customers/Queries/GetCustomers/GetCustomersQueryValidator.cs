using CampaignDashboard.Application.Dashboard.Filters;
using FluentValidation;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>The filters of the dashboard, a known sort key, a page from 1, a page size of 1..1000.</summary>
public sealed class GetCustomersQueryValidator : AbstractValidator<GetCustomersQuery>
{
    public GetCustomersQueryValidator(FilterParser filters)
    {
        Include(new FilterParametersValidator(filters));
        CustomerListParameters.RuleForSort(this, q => q.Sort);
        CustomerListParameters.RuleForPaging(this, q => q.Page, q => q.PageSize);
    }
}
