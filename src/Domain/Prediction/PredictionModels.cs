namespace CampaignDashboard.Domain.Prediction;

/// <summary>One customer's history at the as-of date, in days (contract section 10); <see cref="M"/> is null when x = 0.</summary>
public readonly record struct CustomerHistory(int X, int Tx, int T, double? M);

/// <summary>The BG/NBD and Gamma-Gamma models fitted at one as-of date, and how many customers each was fitted on.</summary>
public sealed record PredictionModels(BgNbdModel Visits, GammaGammaModel Spend, long CustomersFitted, long CustomersFittedSpend)
{
    /// <summary>Fewer fitted customers with a repeat visit than this, and no prediction is offered (contract section 10).</summary>
    public const int MinimumRepeatCustomers = 100;

    /// <summary>
    /// Fits both models over <paramref name="customers"/>: BG/NBD over all of them, Gamma-Gamma over those with x >= 1
    /// and m > 0. Returns the models, or null and the reason a marketer is shown.
    /// </summary>
    public static (PredictionModels? Models, string? Reason) Fit(IReadOnlyCollection<CustomerHistory> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var repeatCustomers = customers.Count(c => c.X >= 1);
        if (repeatCustomers < MinimumRepeatCustomers)
        {
            return (null, $"too little history to fit: {repeatCustomers} repeat buyer{(repeatCustomers == 1 ? string.Empty : "s")}, at least {MinimumRepeatCustomers} needed");
        }

        var visits = BgNbdFit.Fit(customers.Select(c => ((double)c.X, (double)c.Tx, (double)c.T)).ToArray());
        if (!visits.Converged)
        {
            return (null, $"the visit model (BG/NBD) could not be fitted: {visits.Reason}");
        }

        var spend = GammaGammaFit.Fit(customers.Where(HasRepeatSpend).Select(c => ((double)c.X, c.M!.Value)).ToArray());
        if (!spend.Converged)
        {
            return (null, $"the spend model (Gamma-Gamma) could not be fitted: {spend.Reason}");
        }

        return (new PredictionModels(visits.Model, spend.Model, visits.Customers, spend.Customers), null);
    }

    private static bool HasRepeatSpend(CustomerHistory customer) => customer.X >= 1 && customer.M > 0;
}
