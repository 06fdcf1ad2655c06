using Mediator;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Asks for the dashboard. Carries the request's parameters as the caller gave them (already split into
/// label lists); <see cref="GetDashboardQueryValidator"/> checks them against the contract and
/// <see cref="DashboardFilterParser"/> turns them into the typed filter the widget queries receive.
/// </summary>
public sealed record GetDashboardQuery(
    string? StartDate = null,
    string? EndDate = null,
    string? CustomerMobile = null,
    string? CustomerName = null,
    IReadOnlyList<string>? RValueBucket = null,
    IReadOnlyList<string>? FValueBucket = null,
    IReadOnlyList<string>? MValueBucket = null) : IQuery<DashboardDto>;
