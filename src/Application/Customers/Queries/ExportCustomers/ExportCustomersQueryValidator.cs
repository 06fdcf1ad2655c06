using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Dashboard.Filters;
using FluentValidation;

namespace CampaignDashboard.Application.Customers.Queries.ExportCustomers;

/// <summary>The list's filters and sort; no page or page size, since an export holds every row.</summary>
public sealed class ExportCustomersQueryValidator : AbstractValidator<ExportCustomersQuery>
{

    public ExportCustomersQueryValidator(FilterParser filters)
    {
        Include(new FilterParametersValidator(filters));
        CustomerListParameters.RuleForSort(this, q => q.Sort);
        CustomerListParameters.RuleForNoPaging(this, q => q.Page, q => q.PageSize);
    }
}
