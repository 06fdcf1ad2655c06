using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Migration.Common;
using CampaignDashboard.Domain.Segments;
using CampaignDashboard.Application.Common;
using Mediator;

namespace CampaignDashboard.Application.Migration.Queries.ExportMigrationCustomers;

/// <summary>Names the flow's export and hands over its rows as a stream: nothing is read until the response is written.</summary>
public sealed class ExportMigrationCustomersQueryHandler(IDashboardQueries queries, FilterParser filters)
    : IQueryHandler<ExportMigrationCustomersQuery, FlowExport>
{
    public ValueTask<FlowExport> Handle(ExportMigrationCustomersQuery query, CancellationToken cancellationToken)
    {
        var snapshots = query.SnapshotsOf(filters.ToFilter(query));
        var scheme = snapshots.To.Scheme;
        var parameters = FlowSort.Parameters(query.Sort, offset: 0, limit: long.MaxValue);
        foreach (var (name, value) in query.FlowCells(scheme))
        {
            parameters[name] = value;
        }

        var rows = queries.StreamMigrationAsync<FlowCustomerRow>(MigrationScripts.Customers, snapshots, parameters, cancellationToken);
        var fileName = $"migration-{Day(snapshots.From.EndDate)}-{FileNames.Slug(FlowParameters.Label(scheme, query.FromSegment))}"
            + $"-to-{Day(snapshots.To.EndDate)}-{FileNames.Slug(FlowParameters.Label(scheme, query.ToSegment))}.csv";
        return ValueTask.FromResult(new FlowExport(fileName, Map(rows, scheme)));
    }

    private static string Day(DateOnly? date) => date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<FlowCustomerDto> Map(IAsyncEnumerable<FlowCustomerRow> rows, SegmentScheme scheme)
    {
        await foreach (var row in rows)
        {
            yield return FlowCustomerDto.From(row, scheme);
        }
    }
}
