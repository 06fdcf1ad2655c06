using System.ComponentModel.DataAnnotations;
using CampaignDashboard.Domain.FiscalYears;

namespace CampaignDashboard.Application.Common.Options;

/// <summary>The "Dashboard" configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Month (1-12) on whose first day a fiscal year starts; 4 = April.</summary>
    [Range(1, 12)]
    public int FiscalYearStartMonth { get; set; } = FiscalCalendar.DefaultStartMonth;

    /// <summary>Fill an empty database with deterministic synthetic data at start.</summary>
    public bool SeedDemoData { get; set; }

    public FiscalCalendar FiscalCalendar => new(FiscalYearStartMonth);
}
