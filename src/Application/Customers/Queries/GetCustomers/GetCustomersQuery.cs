using CampaignDashboard.Application.Dashboard.Filters;
using Mediator;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>One page of the customers behind the dashboard's numbers: the selection of the filters, in an order.</summary>
public sealed record GetCustomersQuery : FilterParameters, IQuery<CustomersPageDto>
{
    /// <summary>A key of <see cref="Common.CustomerSort.Keys"/>, '-' first for descending; default -spend.</summary>
    public string? Sort { get; init; }

    /// <summary>1-based page number; default 1.</summary>
    public string? Page { get; init; }

    /// <summary>Customers per page, 1..1000; default 100.</summary>
    public string? PageSize { get; init; }
}
