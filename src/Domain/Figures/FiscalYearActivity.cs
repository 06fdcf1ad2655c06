using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Figures;

/// <summary>Selected customers active in one fiscal year: those acquired in it are new, the rest old.</summary>
public sealed record FiscalYearActivity(string FiscalYear, long TotalCustomers, long NewCustomers)
{
    public long OldCustomers => TotalCustomers - NewCustomers;

    public decimal NewCustomerPercentage => Metrics.Percentage(NewCustomers, TotalCustomers);

    public decimal OldCustomerPercentage => Metrics.Percentage(OldCustomers, TotalCustomers);
}
