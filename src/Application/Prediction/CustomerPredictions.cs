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
        _ids = customers.Select(c => c.CustomerId).ToArray();
    }

    // The customers' ids in the same (id) order, for Find: PredictionCache sorts the customers.
    private readonly long[] _ids;

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
        var index = Array.BinarySearch(_ids, customerId);
        return index >= 0 ? Customers[index].Forecast : null;
    }

    public static CustomerPredictions Unavailable(string reason) => new(null, reason, 0, []);

    public static CustomerPredictions Of(PredictionModels models, int horizonDays, IReadOnlyList<PredictedCustomer> customers) =>
        new(models, null, horizonDays, customers);
}
