using System.Globalization;

namespace CampaignDashboard.Application.Customers.Common;

/// <summary>
/// The order of a customers list (contract section 6): a key, ascending or, with a leading '-', descending; ties
/// by customer id ascending. The engines read the key and direction as parameters of a static statement.
/// </summary>
public sealed record CustomerSort(string Key, bool Descending)
{
    public const string Parameter = "sort";

    public static CustomerSort Default { get; } = new("spend", Descending: true);

    /// <summary>The keys that need a prediction (contract section 10): sorting by one without it is a 400.</summary>
    // Declared before Keys, which spreads it: static initializers run in order.
    public static IReadOnlyList<string> PredictionKeys { get; } = ["p_alive", "expected_visits", "expected_spend", "predicted_clv"];

    /// <summary>The keys a list can be sorted by.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["spend", "visits", "recency_days", "last_purchase", "profit", "customer_id", "customer_name", "r_score", "f_score", "m_score",
         .. PredictionKeys];

    public bool NeedsPrediction => PredictionKeys.Contains(Key);

    public static bool TryParse(string? text, out CustomerSort sort) => TryParse(text, Keys, Default, out sort);

    /// <summary>An order among <paramref name="keys"/> ('-' first for descending); blank = <paramref name="fallback"/>.</summary>
    public static bool TryParse(string? text, IReadOnlyList<string> keys, CustomerSort fallback, out CustomerSort sort)
    {
        sort = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var descending = trimmed.StartsWith('-');
        var key = (descending ? trimmed[1..] : trimmed).ToLowerInvariant();
        if (!keys.Contains(key))
        {
            return false;
        }

        sort = new CustomerSort(key, descending);
        return true;
    }

    /// <summary>The order of a validated request.</summary>
    public static CustomerSort Parse(string? text) =>
        TryParse(text, out var sort) ? sort : throw new InvalidOperationException($"The sort '{text}' did not pass validation.");

    /// <summary>The statement parameters of this order and page: rows from <paramref name="offset"/> on, at most <paramref name="limit"/>.</summary>
    public IReadOnlyDictionary<string, object?> Parameters(long offset, long limit) => new Dictionary<string, object?>
    {
        ["sort"] = Key,
        ["descending"] = Descending ? 1 : 0,
        ["page_offset"] = offset,
        ["page_size"] = limit,
        [ForecastsParameter] = NeedsPrediction,
    };

    /// <summary>Tells the engine to join the real forecasts: only an order by a prediction field needs them.</summary>
    public const string ForecastsParameter = "with_forecasts";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Descending ? "-" : string.Empty)}{Key}");
}
