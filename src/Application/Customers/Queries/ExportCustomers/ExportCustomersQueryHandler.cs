using System.Globalization;
using CampaignDashboard.Application.Customers.Common;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Domain.Segments;
using CampaignDashboard.Application.Common;
using Mediator;

namespace CampaignDashboard.Application.Customers.Queries.ExportCustomers;

/// <summary>Names the export and hands over its rows as a stream: nothing is read until the response is written.</summary>
public sealed class ExportCustomersQueryHandler(IDashboardQueries queries, FilterParser filters, PredictionCache predictions) : IQueryHandler<ExportCustomersQuery, CustomerExport>
{
    public async ValueTask<CustomerExport> Handle(ExportCustomersQuery query, CancellationToken cancellationToken)
    {
        var filter = filters.ToFilter(query);
        var sort = CustomerSort.Parse(query.Sort);
        await PredictionSortGuard.EnsureAvailableAsync(sort, filter, queries, predictions, cancellationToken);
        var asOfDate = await queries.AsOfDateAsync(filter, cancellationToken);
        var rows = queries.StreamAsync<CustomerRow>(CustomerScripts.List, filter, sort.Parameters(offset: 0, limit: long.MaxValue), cancellationToken);
        var forecasts = await predictions.AtAsync(asOfDate, cancellationToken);
        return new CustomerExport(asOfDate, FileName(asOfDate, filter), Map(rows, filter.Scheme, forecasts));
    }

    /// <summary>customers-2025-12-31.csv, or customers-2025-12-31-champions.csv with a segment filter.</summary>
    public static string FileName(DateOnly? asOfDate, DashboardFilter filter)
    {
        var date = asOfDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no-data";
        var segments = string.Join('_', filter.Segments.Select(FileNames.Slug));
        return segments.Length == 0 ? $"customers-{date}.csv" : $"customers-{date}-{segments}.csv";
    }

    private static async IAsyncEnumerable<CustomerDto> Map(IAsyncEnumerable<CustomerRow> rows, SegmentScheme scheme, CustomerPredictions forecasts)
    {
        await foreach (var row in rows)
        {
            yield return CustomerDto.From(row, scheme, forecasts);
        }
    }
}
