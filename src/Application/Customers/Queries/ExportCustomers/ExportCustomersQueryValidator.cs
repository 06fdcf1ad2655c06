using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Common.Options;
using FluentValidation;

namespace CampaignDashboard.Application.Customers.Queries.ExportCustomers;

/// <summary>The list's filters and sort; no page or page size, since an export holds every row.</summary>
public sealed class ExportCustomersQueryValidator : AbstractValidator<ExportCustomersQuery>
{
    private const string WholeExport = "is not taken by the export, which holds every customer of the selection";

    public ExportCustomersQueryValidator(SegmentSchemes schemes)
    {
        Include(new FilterParametersValidator(schemes));
        CustomerListParameters.RuleForSort(this, q => q.Sort);
        RuleFor(q => q.Page).Empty().OverridePropertyName(CustomerListParameters.Page).WithMessage(WholeExport);
        RuleFor(q => q.PageSize).Empty().OverridePropertyName(CustomerListParameters.PageSize).WithMessage(WholeExport);
    }
}
