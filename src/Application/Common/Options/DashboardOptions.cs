using CampaignDashboard.Domain.FiscalYears;

namespace CampaignDashboard.Application.Common.Options;

/// <summary>The "Dashboard" configuration section, checked at start by <see cref="DashboardOptionsValidator"/>.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The longest <see cref="CacheSeconds"/>: a day.</summary>
    public const int MaxCacheSeconds = 86_400;

    /// <summary>Month (1-12) on whose first day a fiscal year starts; 4 = April.</summary>
    public int FiscalYearStartMonth { get; set; } = FiscalCalendar.DefaultStartMonth;

    /// <summary>Fill an empty database with deterministic synthetic data at start.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// How long a computed dashboard is served from the response cache. Entries are keyed on the data version, so
    /// imports invalidate them at once; the expiry bounds staleness where data change outside the application
    /// (SQL Server views over a retailer's tables). 0 turns the cache off; at most <see cref="MaxCacheSeconds"/>.
    /// </summary>
    public int CacheSeconds { get; set; } = 300;

    /// <summary>The most <see cref="ResponseCacheEntries"/>.</summary>
    public const int MaxResponseCacheEntries = 1_000_000;

    /// <summary>
    /// How many computed responses the response cache keeps at most (a dashboard takes about 20 KB), so that many
    /// distinct filters cannot grow memory without bound; beyond it the least recently used go. 1 to <see cref="MaxResponseCacheEntries"/>.
    /// </summary>
    public int ResponseCacheEntries { get; set; } = 1000;

    /// <summary>
    /// The ISO 4217 code of the currency every amount is in (spend, profit, order values), e.g. GBP; the API does not
    /// convert, it names the currency for the page (meta.currency).
    /// </summary>
    public string Currency { get; set; } = DefaultCurrency;

    /// <summary>Pounds sterling: the demo data's and the UCI Online Retail data's currency.</summary>
    public const string DefaultCurrency = "GBP";

    /// <summary>
    /// The ISO 3166 region (GB, IN, ...) searched mobiles are read in (contract section 2, "Mobile numbers"); empty =
    /// none: a mobile matches by its digits alone.
    /// </summary>
    public string? PhoneRegion { get; set; }

    /// <summary>The configured phone region in upper case; null when none is set.</summary>
    public string? PhoneRegionCode => string.IsNullOrWhiteSpace(PhoneRegion) ? null : PhoneRegion.Trim().ToUpperInvariant();

    public FiscalCalendar FiscalCalendar => new(FiscalYearStartMonth);
}
