namespace CampaignDashboard.Application.Migration.Common;

/// <summary>What the migration compared: the two snapshot dates, the window of days (null: all history), the scheme.</summary>
public sealed record MigrationMetaDto(DateOnly FromDate, DateOnly ToDate, int? WindowDays, string SegmentScheme);
