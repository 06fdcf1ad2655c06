namespace CampaignDashboard.Application.Data;

/// <summary>A row of campaign.customers.</summary>
public sealed record CustomerRecord(long CustomerId, string? CustomerName, string? Mobile, DateOnly? RegistrationDate);

/// <summary>A row of campaign.transactions: one bill.</summary>
public sealed record TransactionRecord(
    long TransactionId, long CustomerId, DateOnly TransactionDate, decimal Amount, int Quantity, decimal? Profit);
