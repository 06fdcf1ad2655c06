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
    private CustomerPredictions(PredictionModels? models, string? reason, int horizonDays, PredictedCustomer[] customers)
    {
        Models = models;
        Reason = reason;
        HorizonDays = horizonDays;
        _customers = customers;
    }

    // In customer id order (PredictionCache sorts them), for Find.
    private readonly PredictedCustomer[] _customers;

    public PredictionModels? Models { get; }

    /// <summary>Why there is no prediction; null when there is one.</summary>
    public string? Reason { get; }

    public int HorizonDays { get; }

    /// <summary>Every fitted customer's forecast, in customer id order (empty without a prediction).</summary>
    public IReadOnlyList<PredictedCustomer> Customers => _customers;

    public bool Available => Models is not null;

    /// <summary>A fitted customer's forecast; null without a prediction (or for a customer not fitted).</summary>
    public CustomerForecast? Find(long customerId)
    {
        var index = Array.BinarySearch(_customers, new PredictedCustomer(customerId, default), ById.Instance);
        return index >= 0 ? _customers[index].Forecast : null;
    }

    public static CustomerPredictions Unavailable(string reason) => new(null, reason, 0, []);

    /// <summary>The prediction of <paramref name="customers"/>, in customer id order.</summary>
    public static CustomerPredictions Of(PredictionModels models, int horizonDays, PredictedCustomer[] customers) =>
        new(models, null, horizonDays, customers);

    private sealed class ById : IComparer<PredictedCustomer>
    {
        public static readonly ById Instance = new();

        public int Compare(PredictedCustomer x, PredictedCustomer y) => x.CustomerId.CompareTo(y.CustomerId);
    }
}
