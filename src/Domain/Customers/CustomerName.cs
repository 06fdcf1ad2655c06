namespace CampaignDashboard.Domain.Customers;

/// <summary>Customer names are searched as case-insensitive substrings; wildcard characters are literal.</summary>
public static class CustomerName
{
    public const int MaxSearchLength = 100;
}
