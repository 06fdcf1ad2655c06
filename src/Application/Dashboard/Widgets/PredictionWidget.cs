using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>
/// The prediction block (contract section 10): the models fitted at the as-of date (<see cref="PredictionCache"/>) and
/// the selected customers' forecasts summed per R/F/M cell by prediction.sql, then per segment of the scheme in use.
/// </summary>
public sealed class PredictionWidget(PredictionCache predictions) : IDashboardWidget
{
    public const string Script = "prediction";

    public string Name => Script;

    public async Task<DashboardPiece> ComputeAsync(IDashboardQueries queries, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var fit = await predictions.AtAsync(await queries.AsOfDateAsync(filter, cancellationToken), cancellationToken);
        if (fit.Models is not { } models)
        {
            var unavailable = PredictionDto.Unavailable(fit.Reason!);
            return dashboard => dashboard with { Prediction = unavailable };
        }

        var cells = await queries.RowsAsync<PredictionCell>(
            Script, filter, cancellationToken, new Dictionary<string, object?> { ["likely_lapsed_below"] = CustomerForecast.LikelyLapsedBelow });
        var bySegment = cells.ToLookup(c => filter.Scheme.Classify(c.RScore, c.FScore, c.MScore));
        var prediction = new PredictionDto(
            Available: true,
            Reason: null,
            Model: new PredictionModelDto(
                Parameter(models.Visits.R), Parameter(models.Visits.Alpha), Parameter(models.Visits.A), Parameter(models.Visits.B),
                Parameter(models.Spend.P), Parameter(models.Spend.Q), Parameter(models.Spend.Gamma),
                models.CustomersFitted, models.CustomersFittedSpend),
            HorizonDays: fit.HorizonDays,
            ExpectedVisits: cells.Sum(c => c.ExpectedVisits),
            ExpectedSpend: cells.Sum(c => c.ExpectedSpend),
            LikelyLapsedCustomers: cells.Sum(c => c.LikelyLapsed),
            BySegment: filter.Scheme.Segments
                .Select(segment => new SegmentPredictionDto(
                    segment.Label,
                    bySegment[segment].Sum(c => c.Customers),
                    CustomerForecast.MeanPAlive(bySegment[segment].Sum(c => c.PAlive), bySegment[segment].Sum(c => c.Customers)),
                    bySegment[segment].Sum(c => c.ExpectedSpend)))
                .ToArray());
        return dashboard => dashboard with { Prediction = prediction };
    }

    private static decimal Parameter(double value) => CustomerForecast.Reported(value, 4);
}

/// <summary>A row of prediction.sql: the selected customers of one (R, F, M) cell and their forecasts summed.</summary>
public sealed class PredictionCell
{
    public int RScore { get; init; }

    public int FScore { get; init; }

    public int MScore { get; init; }

    public long Customers { get; init; }

    /// <summary>The sum of the customers' p_alive.</summary>
    public decimal PAlive { get; init; }

    public decimal ExpectedVisits { get; init; }

    public decimal ExpectedSpend { get; init; }

    public long LikelyLapsed { get; init; }
}
