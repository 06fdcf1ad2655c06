using CampaignDashboard.Application.Customers.Common;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using Mediator;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>Counts the selection and reads one page of it, side by side, over the same scored population.</summary>
public sealed class GetCustomersQueryHandler(IDashboardQueries queries) : IQueryHandler<GetCustomersQuery, CustomersPageDto>
{
    public async ValueTask<CustomersPageDto> Handle(GetCustomersQuery query, CancellationToken cancellationToken)
    {
        var filter = FilterParser.ToFilter(query);
        var sort = CustomerSort.Parse(query.Sort);
        var page = CustomerListParameters.ValidPage(query.Page);
        var pageSize = CustomerListParameters.ValidPageSize(query.PageSize);

        var total = queries.RowsAsync<long>(CustomerScripts.Count, filter, cancellationToken);
        var rows = queries.RowsAsync<CustomerRow>(
            CustomerScripts.List, filter, cancellationToken, sort.Parameters(offset: (page - 1L) * pageSize, limit: pageSize));
        var asOfDate = queries.AsOfDateAsync(filter, cancellationToken);
        await Task.WhenAll(total, rows, asOfDate);

        return new CustomersPageDto(
            total.Result.Single(), page, pageSize, rows.Result.Select(CustomerDto.From).ToArray(),
            new CustomersMetaDto(asOfDate.Result, CustomerScripts.SegmentScheme));
    }
}
