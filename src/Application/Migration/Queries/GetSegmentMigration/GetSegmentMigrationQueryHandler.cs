using CampaignDashboard.Application.Common.Caching;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Migration.Common;
using CampaignDashboard.Domain.Segments;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;

/// <summary>Counts the customers per (from cell, to cell) over the two snapshots and tallies them by segment (response cache first).</summary>
public sealed class GetSegmentMigrationQueryHandler(ResponseCache cache, FilterParser filters)
    : IQueryHandler<GetSegmentMigrationQuery, SegmentMigrationDto>
{
    public const string CacheKind = "migration";

    public ValueTask<SegmentMigrationDto> Handle(GetSegmentMigrationQuery query, CancellationToken cancellationToken) =>
        cache.GetOrComputeAsync(
            CacheKind,
            new MigrationRequest(query.SnapshotsOf(filters.ToFilter(query)), query.ValidWindowDays()),
            static (services, request, token) => ComputeAsync(services.GetRequiredService<IDashboardQueries>(), request, token),
            cancellationToken);

    private static async Task<SegmentMigrationDto> ComputeAsync(IDashboardQueries queries, MigrationRequest request, CancellationToken cancellationToken)
    {
        var (from, to) = (request.Snapshots.From, request.Snapshots.To);
        var scheme = to.Scheme;
        var rows = await queries.MigrationRowsAsync<MigrationCellCount>(
            MigrationScripts.Migration, request.Snapshots, new Dictionary<string, object?> { ["from_cells"] = null, ["to_cells"] = null }, cancellationToken);
        var (flows, fromTotals, toTotals) = SegmentMigration.Tally(scheme, rows.Select(row => (
            SegmentMigration.LabelOf(scheme, row.FromR, row.FromF, row.FromM),
            SegmentMigration.LabelOf(scheme, row.ToR, row.ToF, row.ToM),
            row.Customers)));
        return new SegmentMigrationDto(
            flows.Select(f => new MigrationFlowDto(f.From, f.To, f.Customers)).ToArray(),
            fromTotals.Select(t => new MigrationTotalDto(t.Label, t.Customers)).ToArray(),
            toTotals.Select(t => new MigrationTotalDto(t.Label, t.Customers)).ToArray(),
            new MigrationMetaDto(from.EndDate!.Value, to.EndDate!.Value, request.WindowDays, scheme.Name));
    }

    /// <summary>What a migration depends on, and so its cache key.</summary>
    private sealed record MigrationRequest(Snapshots Snapshots, int? WindowDays);

    /// <summary>Customers per (from cell, to cell).</summary>
    private sealed class MigrationCellCount : MigrationCells
    {
        public long Customers { get; init; }
    }
}
