using CampaignDashboard.Application.Dashboard.Filters;
using Mediator;

namespace CampaignDashboard.Application.Customers.Queries.ExportCustomers;

/// <summary>Every customer of the selection, in an order, as a stream (a campaign export).</summary>
public sealed record ExportCustomersQuery : FilterParameters, IQuery<CustomerExport>
{
    /// <summary>A key of <see cref="Common.CustomerSort.Keys"/>, '-' first for descending; default -spend.</summary>
    public string? Sort { get; init; }

    /// <summary>Not taken here (an export has every row): given, it is a 400.</summary>
    public string? Page { get; init; }

    /// <summary>Not taken here (an export has every row): given, it is a 400.</summary>
    public string? PageSize { get; init; }
}
