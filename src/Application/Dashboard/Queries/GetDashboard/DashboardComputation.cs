using AutoMapper;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// One computation of a dashboard: runs every widget query concurrently with the same filter and lays their rows
/// onto the domain's categories (all of them, in contract order, zeros where empty). If one widget fails, the
/// others are cancelled and the computation fails as a whole: a dashboard is never returned half-filled.
/// </summary>
public sealed class DashboardComputation(DashboardWidgetQueries widgets, IOptions<DashboardOptions> options, IMapper mapper)
{
    public async Task<DashboardDto> ComputeAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        using var fanOut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var asOf = Run(widgets.AsOfDate);
        var kpi = Run(widgets.Kpi);
        var rScores = Run(widgets.RecencyScores);
        var fScores = Run(widgets.FrequencyScores);
        var mScores = Run(widgets.MonetaryScores);
        var recency = Run(widgets.RecencyBuckets);
        var visits = Run(widgets.VisitBuckets);
        var spend = Run(widgets.SpendBuckets);
        var returnPeriods = Run(widgets.ReturnPeriodBuckets);
        var segments = Run(widgets.Segments);
        var fiscalYears = Run(widgets.FiscalYears);
        await Task.WhenAll(asOf, kpi, rScores, fScores, mScores, recency, visits, spend, returnPeriods, segments, fiscalYears);

        var calendar = options.Value.FiscalCalendar;
        return new DashboardDto(
            mapper.Map<KpiDto>(kpi.Result),
            Scores(RfmDimension.Recency, rScores.Result),
            Scores(RfmDimension.Frequency, fScores.Result),
            Scores(RfmDimension.Monetary, mScores.Result),
            Buckets(BucketFamilies.Recency, recency.Result),
            Buckets(BucketFamilies.Visits, visits.Result),
            Buckets(BucketFamilies.Spend, spend.Result),
            Buckets(BucketFamilies.ReturnPeriod, returnPeriods.Result),
            Segments(segments.Result),
            fiscalYears.Result
                .OrderBy(y => y.FiscalYear)
                .Select(y => mapper.Map<FiscalYearItemDto>(new FiscalYearTally(calendar.Label(y.FiscalYear), y.TotalCustomers, y.NewCustomers)))
                .ToArray(),
            new DashboardMetaDto(asOf.Result));

        async Task<T> Run<T>(IWidgetQuery<T> widget)
        {
            try
            {
                return await widget.ExecuteAsync(filter, fanOut.Token);
            }
            catch
            {
                await fanOut.CancelAsync();
                throw;
            }
        }
    }

    private ScoreItemDto[] Scores(RfmDimension dimension, IReadOnlyList<CategoryCount> counts)
    {
        var total = counts.Sum(c => c.Customers);
        return RfmScores.Descending
            .Select(score => new ScoreTally(score, RfmScores.Label(dimension, score), CustomersIn(counts, score), total))
            .Select(mapper.Map<ScoreItemDto>)
            .ToArray();
    }

    private BucketItemDto[] Buckets(BucketFamily family, IReadOnlyList<CategoryCount> counts)
    {
        var total = counts.Sum(c => c.Customers);
        return family.Buckets
            .Select(bucket => new BucketTally(bucket.Label, CustomersIn(counts, bucket.Index), total))
            .Select(mapper.Map<BucketItemDto>)
            .ToArray();
    }

    private SegmentItemDto[] Segments(IReadOnlyList<RfmCell> cells)
    {
        var total = cells.Sum(c => c.Customers);
        var bySegment = cells.ToLookup(c => Domain.Segments.Segments.Classify(c.RScore, c.FScore, c.MScore));
        return Domain.Segments.Segments.InPrecedenceOrder
            .Select(segment => new SegmentTally(
                segment.Label, bySegment[segment].Sum(c => c.Customers), total, bySegment[segment].Sum(c => c.Spend)))
            .Select(mapper.Map<SegmentItemDto>)
            .ToArray();
    }

    private static long CustomersIn(IReadOnlyList<CategoryCount> counts, int category) =>
        counts.Where(c => c.Category == category).Sum(c => c.Customers);
}
