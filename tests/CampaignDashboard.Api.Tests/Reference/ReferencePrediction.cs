using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.Api.Tests.Reference;

/// <summary>
/// Spec section 10. The inputs (x, t_x, T, m per customer, from the transactions up to the as-of date), the selection,
/// the sums and their rounding are worked out here independently of the engines' SQL; the models themselves are the
/// Domain's, whose fits are checked against the published CDNOW estimates and closed forms in the unit tests.
/// </summary>
public static partial class ReferenceDashboard
{
    /// <summary>Prediction:HorizonDays and Prediction:AnnualDiscountRate as the API defaults them.</summary>
    public const int HorizonDays = 90;

    public const double AnnualDiscountRate = 0.10;

    /// <summary>Each customer's history at <paramref name="asOf"/>, over all its transactions on or before it (start_date ignored).</summary>
    public static IReadOnlyDictionary<long, CustomerHistory> Histories(RefDataset data, DateOnly asOf) =>
        data.Transactions
            .Where(t => t.TransactionDate <= asOf)
            .GroupBy(t => t.CustomerId)
            .ToDictionary(customer => customer.Key, customer =>
            {
                var days = customer.GroupBy(t => t.TransactionDate).Select(d => (Date: d.Key, Spend: d.Sum(t => t.Amount))).OrderBy(d => d.Date).ToList();
                var x = days.Count - 1;
                double? m = x >= 1 ? (double)days.Skip(1).Sum(d => d.Spend) / x : null;
                return new CustomerHistory(x, days[^1].Date.DayNumber - days[0].Date.DayNumber, asOf.DayNumber - days[0].Date.DayNumber, m);
            });

    /// <summary>Whether the request's as-of date has a prediction (else its sorts by prediction fields are a 400).</summary>
    public static bool PredictionAvailable(RefDataset data, RefRequest request) => Predict(data, Evaluate(data, request).AsOf).Models is not null;

    /// <summary>The models at the as-of date and every fitted customer's forecast, or the reason there are none.</summary>
    private static (PredictionModels? Models, string? Reason, IReadOnlyDictionary<long, CustomerForecast> Forecasts) Predict(RefDataset data, DateOnly? asOf)
    {
        if (asOf is null)
        {
            return (null, "there are no transactions", new Dictionary<long, CustomerForecast>());
        }

        var histories = Histories(data, asOf.Value);
        var (models, reason) = PredictionModels.Fit(histories.OrderBy(h => h.Key).Select(h => h.Value).ToArray());
        if (models is null)
        {
            return (null, reason, new Dictionary<long, CustomerForecast>());
        }

        var forecaster = new CustomerForecaster(models.Visits, models.Spend, HorizonDays, AnnualDiscountRate);
        return (models, null, histories.ToDictionary(h => h.Key, h => forecaster.Forecast(h.Value.X, h.Value.Tx, h.Value.T, h.Value.M)));
    }

    /// <summary>The dashboard's prediction block over the selection: sums of the customers' reported figures.</summary>
    private static JsonObject PredictionBlock(RefDataset data, DateOnly? asOf, IReadOnlyList<CustomerFacts> selection, SchemeSegment[] scheme)
    {
        var (models, reason, forecasts) = Predict(data, asOf);
        if (models is null)
        {
            return new JsonObject
            {
                ["available"] = false, ["reason"] = reason, ["model"] = null, ["horizon_days"] = null, ["expected_visits"] = null,
                ["expected_spend"] = null, ["likely_lapsed_customers"] = null, ["by_segment"] = null,
            };
        }

        var selected = selection.Select(c => (Customer: c, Forecast: forecasts[c.CustomerId])).ToList();
        return new JsonObject
        {
            ["available"] = true,
            ["reason"] = null,
            ["model"] = new JsonObject
            {
                ["r"] = Four(models.Visits.R),
                ["alpha"] = Four(models.Visits.Alpha),
                ["a"] = Four(models.Visits.A),
                ["b"] = Four(models.Visits.B),
                ["p"] = Four(models.Spend.P),
                ["q"] = Four(models.Spend.Q),
                ["gamma"] = Four(models.Spend.Gamma),
                ["customers_fitted"] = forecasts.Count,
                ["customers_fitted_spend"] = models.CustomersFittedSpend,
            },
            ["horizon_days"] = HorizonDays,
            ["expected_visits"] = selected.Sum(s => s.Forecast.ExpectedVisits),
            ["expected_spend"] = selected.Sum(s => s.Forecast.ExpectedSpend),
            ["likely_lapsed_customers"] = selected.Count(s => s.Forecast.PAlive < 0.5m),
            ["by_segment"] = new JsonArray(scheme.Select(segment =>
            {
                var members = selected.Where(s => SegmentOf(scheme, s.Customer) == segment.Label).ToList();
                return (JsonNode)new JsonObject
                {
                    ["label"] = segment.Label,
                    ["customers"] = members.Count,
                    ["mean_p_alive"] = members.Count == 0
                        ? null
                        : Math.Round(members.Sum(s => s.Forecast.PAlive) / members.Count, 4, MidpointRounding.AwayFromZero),
                    ["expected_spend"] = members.Sum(s => s.Forecast.ExpectedSpend),
                };
            }).ToArray()),
        };

        static decimal Four(double value) => Math.Round((decimal)value, 4, MidpointRounding.AwayFromZero);
    }
}
