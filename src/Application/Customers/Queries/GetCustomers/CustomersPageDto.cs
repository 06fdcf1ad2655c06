using CampaignDashboard.Application.Customers.Common;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>One page of customers, and how many the selection holds in all.</summary>
/// <param name="Total">Customers in the selection, on every page together.</param>
public sealed record CustomersPageDto(long Total, int Page, int PageSize, IReadOnlyList<CustomerDto> Items, CustomersMetaDto Meta);

/// <summary>How the customers were computed.</summary>
/// <param name="AsOfDate">The date recency is measured from; null when there are no transactions.</param>
/// <param name="SegmentScheme">The segment scheme the customers' segments come from.</param>
/// <param name="ScoreMethod">How the scores were cut: ntile or ties.</param>
public sealed record CustomersMetaDto(DateOnly? AsOfDate, string SegmentScheme, string ScoreMethod);
