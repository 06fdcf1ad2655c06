using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.Application.Prediction;

/// <summary>A customer's forecast, by id.</summary>
public readonly record struct PredictedCustomer(long CustomerId, CustomerForecast Forecast);

/// <summary>
/// The prediction at one as-of date and data version: the fitted models and every fitted customer's forecast, or the
/// reason there is none. Compared by reference: an engine keeps the forecasts it was handed as a table per instance.
/// </summary>
public sealed class CustomerPredictions
{
    private CustomerPredictions(PredictionModels? models, string? reason, int horizonDays, IReadOnlyList<PredictedCustomer> customers)
    {
        Models = models;
        Reason = reason;
        HorizonDays = horizonDays;
        Customers = customers;
    }

    public PredictionModels? Models { get; }

    /// <summary>Why there is no prediction; null when there is one.</summary>
    public string? Reason { get; }

    public int HorizonDays { get; }

    /// <summary>Every fitted customer's forecast, in customer id order (empty without a prediction).</summary>
    public IReadOnlyList<PredictedCustomer> Customers { get; }

    public bool Available => Models is not null;

    /// <summary>A fitted customer's forecast; null without a prediction (or for a customer not fitted).</summary>
    public CustomerForecast? Find(long customerId)
    {
        // Customers are in id order (PredictionCache sorts them).
        int low = 0, high = Customers.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var id = Customers[middle].CustomerId;
            if (id == customerId)
            {
                return Customers[middle].Forecast;
            }

            (low, high) = id < customerId ? (middle + 1, high) : (low, middle - 1);
        }

        return null;
    }

    public static CustomerPredictions Unavailable(string reason) => new(null, reason, 0, []);

    public static CustomerPredictions Of(PredictionModels models, int horizonDays, IReadOnlyList<PredictedCustomer> customers) =>
        new(models, null, horizonDays, customers);
}
