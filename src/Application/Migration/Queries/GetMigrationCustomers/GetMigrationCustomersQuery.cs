using CampaignDashboard.Application.Migration.Common;
using Mediator;

namespace CampaignDashboard.Application.Migration.Queries.GetMigrationCustomers;

/// <summary>One page of the customers of one flow, e.g. Champions a year ago who are NOT ACTIVE now.</summary>
public sealed record GetMigrationCustomersQuery : FlowParameters, IQuery<FlowCustomersPageDto>
{
    public string? Page { get; init; }

    public string? PageSize { get; init; }
}

/// <summary>One page of a flow's customers, and how many the flow holds.</summary>
public sealed record FlowCustomersPageDto(long Total, int Page, int PageSize, IReadOnlyList<FlowCustomerDto> Items, MigrationMetaDto Meta);
