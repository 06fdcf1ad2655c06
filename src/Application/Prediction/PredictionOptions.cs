namespace CampaignDashboard.Application.Prediction;

/// <summary>The prediction of contract section 10: whether it runs, its horizon and its discount rate.</summary>
public sealed class PredictionOptions
{
    public const string SectionName = "Prediction";

    public const int MaxHorizonDays = 3650;

    public bool Enabled { get; set; } = true;

    /// <summary>H: the days ahead that expected visits, spend and CLV cover.</summary>
    public int HorizonDays { get; set; } = 90;

    /// <summary>The yearly rate predicted_clv is discounted at (0.10 = 10%).</summary>
    public double AnnualDiscountRate { get; set; } = 0.10;
}
