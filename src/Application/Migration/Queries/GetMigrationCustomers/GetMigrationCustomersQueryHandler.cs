using CampaignDashboard.Application.Common.Caching;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Migration.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Application.Migration.Queries.GetMigrationCustomers;

/// <summary>Counts one flow and reads a page of it, side by side (response cache first).</summary>
public sealed class GetMigrationCustomersQueryHandler(ResponseCache cache, FilterParser filters)
    : IQueryHandler<GetMigrationCustomersQuery, FlowCustomersPageDto>
{
    public const string CacheKind = "migration-customers";

    public ValueTask<FlowCustomersPageDto> Handle(GetMigrationCustomersQuery query, CancellationToken cancellationToken)
    {
        var snapshots = query.SnapshotsOf(filters.ToFilter(query));
        var page = CustomerListParameters.ValidPage(query.Page);
        var pageSize = CustomerListParameters.ValidPageSize(query.PageSize);
        var cells = query.FlowCells(snapshots.To.Scheme);
        var request = new FlowPageRequest(
            snapshots, query.ValidWindowDays(), (string)cells["from_cells"]!, (string)cells["to_cells"]!, query.Sort?.Trim() ?? string.Empty, page, pageSize);
        return cache.GetOrComputeAsync(
            CacheKind,
            request,
            static (services, request, token) => ComputeAsync(services.GetRequiredService<IDashboardQueries>(), request, token),
            cancellationToken);
    }

    private static async Task<FlowCustomersPageDto> ComputeAsync(IDashboardQueries queries, FlowPageRequest request, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<string, object?> { ["from_cells"] = request.FromCells, ["to_cells"] = request.ToCells };
        var total = queries.MigrationRowsAsync<long>(MigrationScripts.CustomersCount, request.Snapshots, cells, cancellationToken);
        var page = FlowSort.Parameters(request.Sort, offset: (request.Page - 1L) * request.PageSize, limit: request.PageSize);
        foreach (var (name, value) in cells)
        {
            page[name] = value;
        }

        var rows = queries.MigrationRowsAsync<FlowCustomerRow>(MigrationScripts.Customers, request.Snapshots, page, cancellationToken);
        await Task.WhenAll(total, rows);
        var scheme = request.Snapshots.To.Scheme;
        return new FlowCustomersPageDto(
            total.Result.Single(), request.Page, request.PageSize, rows.Result.Select(row => FlowCustomerDto.From(row, scheme)).ToArray(),
            new MigrationMetaDto(request.Snapshots.From.EndDate!.Value, request.Snapshots.To.EndDate!.Value, request.WindowDays, scheme.Name));
    }

    /// <summary>What a flow's page depends on, and so its cache key.</summary>
    private sealed record FlowPageRequest(Snapshots Snapshots, int? WindowDays, string FromCells, string ToCells, string Sort, int Page, int PageSize);
}
