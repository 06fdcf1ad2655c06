namespace CampaignDashboard.Domain.Prediction;

/// <summary>A customer's predicted value over the horizon (contract section 10).</summary>
public static class CustomerValue
{
    /// <summary>expected_spend = expected visits in the horizon * expected spend per visit.</summary>
    public static double ExpectedSpend(double expectedVisits, double spendPerVisit) => expectedVisits * spendPerVisit;

    /// <summary>
    /// predicted_clv = expectedSpend / (1 + annualDiscountRate)^(horizonDays / 730): the horizon's spend discounted to
    /// the middle of the horizon (half of H days, in years).
    /// </summary>
    public static double PredictedClv(double expectedSpend, double horizonDays, double annualDiscountRate)
    {
        if (!(horizonDays >= 0) || !double.IsFinite(horizonDays))
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "The horizon is a finite number of days >= 0.");
        }

        if (!(annualDiscountRate > -1) || !double.IsFinite(annualDiscountRate))
        {
            throw new ArgumentOutOfRangeException(nameof(annualDiscountRate), annualDiscountRate, "The discount rate must exceed -1.");
        }

        return expectedSpend / Math.Pow(1 + annualDiscountRate, horizonDays / 730);
    }
}
