using CampaignDashboard.Application.Common.Caching;
using CampaignDashboard.Application.Customers.Common;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Domain.Rfm;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>
/// Serves a customers page from the response cache, else counts the selection and reads the page, side by side,
/// over the same scored population.
/// </summary>
public sealed class GetCustomersQueryHandler(ResponseCache cache, FilterParser filters, IDashboardQueries queries, PredictionCache predictions)
    : IQueryHandler<GetCustomersQuery, CustomersPageDto>
{
    public const string CacheKind = "customers";

    public async ValueTask<CustomersPageDto> Handle(GetCustomersQuery query, CancellationToken cancellationToken)
    {
        var request = new CustomersPageRequest(
            filters.ToFilter(query),
            CustomerSort.Parse(query.Sort),
            CustomerListParameters.ValidPage(query.Page),
            CustomerListParameters.ValidPageSize(query.PageSize));
        await PredictionSortGuard.EnsureAvailableAsync(request.Sort, request.Filter, queries, predictions, cancellationToken);
        return await cache.GetOrComputeAsync(
            CacheKind,
            request,
            static (services, request, token) => ComputeAsync(services.GetRequiredService<IDashboardQueries>(), services.GetRequiredService<PredictionCache>(), request, token),
            cancellationToken);
    }

    private static async Task<CustomersPageDto> ComputeAsync(
        IDashboardQueries queries, PredictionCache predictions, CustomersPageRequest request, CancellationToken cancellationToken)
    {
        var total = queries.RowsAsync<long>(CustomerScripts.Count, request.Filter, cancellationToken);
        var rows = queries.RowsAsync<CustomerRow>(
            CustomerScripts.List, request.Filter, cancellationToken,
            request.Sort.Parameters(offset: (request.Page - 1L) * request.PageSize, limit: request.PageSize));
        var asOfDate = queries.AsOfDateAsync(request.Filter, cancellationToken);
        await Task.WhenAll(total, rows, asOfDate);
        var forecasts = await predictions.AtAsync(asOfDate.Result, cancellationToken);

        return new CustomersPageDto(
            total.Result.Single(), request.Page, request.PageSize, rows.Result.Select(row => CustomerDto.From(row, request.Filter.Scheme, forecasts)).ToArray(),
            new CustomersMetaDto(asOfDate.Result, request.Filter.Scheme.Name, request.Filter.ScoreMethod.Name()));
    }

    /// <summary>A validated page request: what the page depends on, and so its cache key.</summary>
    private sealed record CustomersPageRequest(DashboardFilter Filter, CustomerSort Sort, int Page, int PageSize);
}
