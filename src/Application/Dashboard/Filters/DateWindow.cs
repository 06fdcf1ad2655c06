namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>An inclusive window of transaction dates.</summary>
public sealed record DateWindow(DateOnly Start, DateOnly End);
