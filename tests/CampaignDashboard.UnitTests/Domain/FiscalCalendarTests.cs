using CampaignDashboard.Domain.FiscalYears;

namespace CampaignDashboard.UnitTests.Domain;

public sealed class FiscalCalendarTests
{
    [TestCase(4, "2024-03-31", 2023, "FY2023-24")]
    [TestCase(4, "2024-04-01", 2024, "FY2024-25")]
    [TestCase(4, "2025-03-31", 2024, "FY2024-25")]
    [TestCase(1, "2024-01-01", 2024, "FY2024")]
    [TestCase(1, "2023-12-31", 2023, "FY2023")]
    [TestCase(12, "2024-11-30", 2023, "FY2023-24")]
    [TestCase(12, "2024-12-01", 2024, "FY2024-25")]
    [TestCase(7, "2024-06-30", 2023, "FY2023-24")]
    [TestCase(7, "2024-07-01", 2024, "FY2024-25")]
    [TestCase(4, "2100-02-28", 2099, "FY2099-00")]
    public void A_date_belongs_to_the_fiscal_year_that_starts_on_or_before_it(int startMonth, string date, int fiscalYear, string label)
    {
        var calendar = new FiscalCalendar(startMonth);
        var year = calendar.FiscalYearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            Assert.That(year, Is.EqualTo(fiscalYear));
            Assert.That(calendar.Label(year), Is.EqualTo(label));
        });
    }

    [TestCase(4, 0)]
    [TestCase(1, 1)]
    public void The_first_representable_date_has_a_fiscal_year(int startMonth, int fiscalYear) =>
        Assert.That(new FiscalCalendar(startMonth).FiscalYearOf(DateOnly.MinValue), Is.EqualTo(fiscalYear));

    [Test]
    public void A_fiscal_year_runs_from_the_first_of_its_start_month_for_one_year()
    {
        var calendar = new FiscalCalendar(4);
        Assert.Multiple(() =>
        {
            Assert.That(calendar.FirstDay(2024), Is.EqualTo(new DateOnly(2024, 4, 1)));
            Assert.That(calendar.LastDay(2024), Is.EqualTo(new DateOnly(2025, 3, 31)));
        });
    }

    [TestCase(0)]
    [TestCase(13)]
    public void The_start_month_is_a_month(int startMonth) =>
        Assert.That(() => new FiscalCalendar(startMonth), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
