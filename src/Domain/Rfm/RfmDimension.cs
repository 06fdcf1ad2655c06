namespace CampaignDashboard.Domain.Rfm;

/// <summary>The three axes of RFM scoring.</summary>
public enum RfmDimension
{
    Recency,
    Frequency,
    Monetary,
}
