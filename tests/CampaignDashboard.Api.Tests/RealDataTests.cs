using System.Globalization;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Infrastructure.Import;
using Microsoft.VisualBasic.FileIO;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// The UCI Online Retail sample (30,000 real lines): loaded as one transaction per invoice, its dashboard totals
/// equal a count made independently over the CSV with the BCL's own CSV parser.
/// </summary>
public sealed class RealDataTests
{
    private static readonly string SampleFile = RepositoryPaths.SharedData("online-retail-sample.csv");

    [Test]
    public async Task The_dashboard_totals_equal_an_independent_count_over_the_csv()
    {
        var expected = CountIndependently();
        using var factory = new DashboardApiFactory();
        using (var reader = new StreamReader(SampleFile))
        {
            var data = OnlineRetailReader.Read(reader, Path.GetFileName(SampleFile));
            Assert.That(data.DroppedLinesWithoutCustomer, Is.EqualTo(expected.LinesWithoutCustomer));
            await factory.LoadAsync(data.Customers, data.Transactions);
        }

        using var client = factory.CreateClient();
        var dashboard = JsonNode.Parse(await client.GetStringAsync("/api/campaign/dashboard"))!;
        var kpi = dashboard["kpi"]!;

        Assert.Multiple(() =>
        {
            Assert.That(kpi["total_customer"]!.GetValue<long>(), Is.EqualTo(expected.Customers));
            Assert.That(kpi["customer_spending"]!.GetValue<decimal>(), Is.EqualTo(Math.Round(expected.Spending, 2)));
            Assert.That(kpi["unit_per_transaction"]!.GetValue<decimal>(),
                Is.EqualTo(Math.Round((decimal)expected.Units / expected.Bills, 2, MidpointRounding.AwayFromZero)), "units per bill");
            // The layout has no profit: the page says "no profit data" rather than showing 0.00.
            Assert.That(dashboard["meta"]!["has_profit"]!.GetValue<bool>(), Is.False);
        });
        Assert.That(expected.Bills, Is.GreaterThan(10_000), "the sample holds thousands of invoices");
    }

    /// <summary>Counts over the CSV with the BCL's TextFieldParser, sharing no code with the importer.</summary>
    internal static (long Customers, long Bills, long Units, decimal Spending, int LinesWithoutCustomer) CountIndependently()
    {
        using var parser = new TextFieldParser(SampleFile) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Column(string name) => Array.IndexOf(header, name);
        var (invoiceNo, quantity, unitPrice, customerId) = (Column("InvoiceNo"), Column("Quantity"), Column("UnitPrice"), Column("CustomerID"));

        var customers = new HashSet<string>();
        var invoices = new HashSet<string>();
        long units = 0;
        decimal spending = 0;
        var withoutCustomer = 0;
        while (parser.ReadFields() is { } fields)
        {
            if (fields[customerId].Length == 0)
            {
                withoutCustomer++;
                continue;
            }

            customers.Add(fields[customerId]);
            invoices.Add(fields[invoiceNo]);
            var lineQuantity = int.Parse(fields[quantity], CultureInfo.InvariantCulture);
            units += lineQuantity;
            spending += lineQuantity * decimal.Parse(fields[unitPrice], CultureInfo.InvariantCulture);
        }

        return (customers.Count, invoices.Count, units, spending, withoutCustomer);
    }
}
