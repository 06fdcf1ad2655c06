using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Prediction;

namespace CampaignDashboard.Application.Customers.Common;

/// <summary>Sorting by a prediction field is a 400 naming the reason when there is no prediction (contract section 10).</summary>
public static class PredictionSortGuard
{
    public static async Task EnsureAvailableAsync(
        CustomerSort sort, DashboardFilter filter, IDashboardQueries queries, PredictionCache predictions, CancellationToken cancellationToken)
    {
        if (!sort.NeedsPrediction)
        {
            return;
        }

        var prediction = await predictions.AtAsync(await queries.AsOfDateAsync(filter, cancellationToken), cancellationToken);
        if (!prediction.Available)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [CustomerSort.Parameter] = [$"Sorting by {sort.Key} needs the prediction, which is not available: {prediction.Reason}."],
            });
        }
    }
}
