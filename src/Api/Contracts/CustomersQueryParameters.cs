using CampaignDashboard.Application.Customers.Queries.ExportCustomers;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The query string of GET /api/campaign/customers: the dashboard's filters, an order and a page.</summary>
public sealed class CustomersQueryParameters : FilterQueryParameters
{
    /// <summary>Order: spend, visits, recency_days, last_purchase, profit, customer_id, customer_name, r_score, f_score or m_score; a leading '-' sorts descending. Default -spend; ties by customer_id.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>1-based page number; default 1. A page past the end has no items.</summary>
    [FromQuery(Name = CustomerListParameters.Page)]
    public string? Page { get; init; }

    /// <summary>Customers per page, 1 to 1000; default 100.</summary>
    [FromQuery(Name = CustomerListParameters.PageSize)]
    public string? PageSize { get; init; }

    public GetCustomersQuery ToQuery() => WithFilters(new GetCustomersQuery { Sort = Sort, Page = Page, PageSize = PageSize });
}

/// <summary>The query string of GET /api/campaign/customers/export: the list's filters and order, every row.</summary>
public sealed class CustomersExportParameters : FilterQueryParameters
{
    /// <summary>Order, as for the list: a key, '-' first for descending. Default -spend; ties by customer_id.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Not taken: an export holds every customer of the selection. Given, it is a 400.</summary>
    [FromQuery(Name = CustomerListParameters.Page)]
    public string? Page { get; init; }

    /// <summary>Not taken: an export holds every customer of the selection. Given, it is a 400.</summary>
    [FromQuery(Name = CustomerListParameters.PageSize)]
    public string? PageSize { get; init; }

    public ExportCustomersQuery ToQuery() => WithFilters(new ExportCustomersQuery { Sort = Sort, Page = Page, PageSize = PageSize });
}
