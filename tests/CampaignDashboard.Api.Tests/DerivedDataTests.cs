using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// DuckDB derives campaign.customer_days, the customers' all-history totals and search columns from the campaign
/// relations. Whatever the imports did, they must equal what their definitions (schema.sql) compute from the relations
/// directly.
/// </summary>
public sealed class DerivedDataTests
{
    private DashboardApiFactory _factory = null!;

    [SetUp]
    public void StartApi() => _factory = new DashboardApiFactory();

    [TearDown]
    public void StopApi() => _factory.Dispose();

    [Test]
    public async Task Imports_that_replace_transactions_keep_the_visits_of_every_customer_they_touch()
    {
        var data = new SyntheticRetailData(200, 2000, seed: 11);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        var importer = _factory.Services.GetRequiredService<ICampaignImporter>();

        // Replaced transactions move to other customers and days (the old customers' visits shrink), new
        // customers arrive with mobiles and names in other spellings, and a known customer with purchases is
        // registered again with another date (its acquisition date changes, its transactions do not).
        var replaced = data.Transactions().Take(300).ToArray();
        var moved = replaced
            .Select(t => t with { CustomerId = (t.CustomerId % 50) + 1, TransactionDate = t.TransactionDate.AddDays(3), Amount = t.Amount + 1 })
            .ToArray();
        CustomerRecord[] arrivals =
        [
            new(5_000, "Zoë MÜLLER-Smith", "+44 (7700) 900-123", null),
            new(5_001, null, null, new DateOnly(2023, 5, 1)),
            data.Customers().First(c => c.CustomerId > 50 && replaced.All(t => t.CustomerId != c.CustomerId)
                && data.Transactions().Any(t => t.CustomerId == c.CustomerId)) with { RegistrationDate = new DateOnly(2001, 2, 3) },
        ];
        TransactionRecord[] arrivalPurchases =
        [
            new(900_001, 5_000, new DateOnly(2024, 1, 2), 10m, 1, null),
            new(900_002, 5_000, new DateOnly(2024, 1, 2), 5.5m, 2, 1m),
        ];
        await importer.ImportAsync(ImportBatch.FromRecords("replacements", arrivals, moved.Concat(arrivalPurchases)) with { AllowUnknownCustomers = true }, null, CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.Zero);
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM campaign.customer_days"), Is.GreaterThan(0));
            Assert.That(await ScalarAsync<string>("SELECT mobile_digits || '|' || name_lower FROM campaign.customers WHERE customer_id = 5000"),
                Is.EqualTo("447700900123|zoë müller-smith"));
            Assert.That(await ScalarAsync<string>("SELECT bills || '|' || units || '|' || spend || '|' || profit FROM campaign.customer_days WHERE customer_id = 5000"),
                Is.EqualTo("2|3|15.50|1.00"));
        });
    }

    // A batch smaller than the visits there is merged; one at least as large recomputes its customers' visits: here
    // ten more purchases of a new customer make it so.
    [TestCase(0)]
    [TestCase(10)]
    public async Task A_batch_changes_each_visit_and_acquisition_date_as_their_definitions_say(int newCustomersPurchases)
    {
        var day = new DateOnly(2025, 3, 10);
        CustomerRecord[] customers =
        [
            new(1, "earlier purchase", null, null),
            new(2, "first visit replaced", null, null),
            new(3, "registered", null, new DateOnly(2020, 1, 1)),
            new(4, "bill changed", null, null),
        ];
        TransactionRecord[] transactions =
        [
            new(11, 1, day, 10m, 1, 1m),
            new(21, 2, day, 20m, 2, null),
            new(22, 2, day.AddDays(5), 5m, 1, 1m),
            new(31, 3, day, 30m, 3, 3m),
            new(41, 4, day, 40m, 4, 4m),
            new(42, 4, day, 1m, 1, 1m),
        ];
        await _factory.LoadAsync(customers, transactions);

        // Customer 1 buys before its first purchase; customer 2's only bill of its first day moves to customer 4's day
        // (its first visit goes, customer 4's gains a bill), and its bill of the data's last day moves to that first day
        // (the last day's only visit goes: meta's last date moves back); customer 3 is sent again without a
        // registration date; one of customer 4's bills changes its amount on the same day.
        TransactionRecord[] daily =
        [
            new(12, 1, day.AddDays(-30), 7m, 1, null),
            new(21, 4, day, 20m, 2, null),
            new(22, 2, day, 5m, 1, 1m),
            new(42, 4, day, 2m, 1, 1m),
            .. Enumerable.Range(1, newCustomersPurchases).Select(i => new TransactionRecord(100 + i, 5, day.AddDays(i), 1m, 1, null)),
        ];
        await _factory.Services.GetRequiredService<ICampaignImporter>().ImportAsync(
            ImportBatch.FromRecords("daily", [customers[2] with { RegistrationDate = null }, new(5, "new", null, null)], daily),
            null, CancellationToken.None);

        var visits = await QueryAsync("""
            SELECT customer_id || ' ' || transaction_date || ' ' || bills || ' ' || units || ' ' || spend || ' ' || profit || ' ' || acquired_date
            FROM campaign.customer_days ORDER BY customer_id, transaction_date
            """);
        string[] expected =
        [
            "1 2025-02-08 1 1 7.00 0.00 2025-02-08",
            "1 2025-03-10 1 1 10.00 1.00 2025-02-08",
            "2 2025-03-10 1 1 5.00 1.00 2025-03-10",
            "3 2025-03-10 1 3 30.00 3.00 2025-03-10",
            "4 2025-03-10 3 7 62.00 5.00 2025-03-10",
            .. Enumerable.Range(1, newCustomersPurchases).Select(i => $"5 {day.AddDays(i):yyyy-MM-dd} 1 1 1.00 0.00 2025-03-11"),
        ];
        Assert.That(visits, Is.EqualTo(expected));
        Assert.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.Zero);

        // meta reads the data's first and last days from the visits (DuckDB answers from their statistics).
        using var client = _factory.CreateClient();
        var meta = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/campaign/dashboard"))!["meta"]!;
        Assert.That((meta["first_date"]!.GetValue<string>(), meta["last_date"]!.GetValue<string>()),
            Is.EqualTo(("2025-02-08", day.AddDays(newCustomersPurchases).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public async Task A_purchase_in_a_new_fiscal_year_counts_every_customers_fiscal_years_again()
    {
        // Fiscal years start in April (the default): the data ends in fiscal 2024 until a purchase on 1 April 2025, and
        // the fiscal years of customer 1, which the batch does not touch, are then counted back from 2025.
        CustomerRecord[] customers = [new(1, "untouched", null, null), new(2, "buys again", null, null)];
        TransactionRecord[] transactions =
        [
            new(11, 1, new DateOnly(2024, 3, 1), 10m, 1, 1m),
            new(12, 1, new DateOnly(2025, 3, 1), 10m, 1, 1m),
            new(21, 2, new DateOnly(2025, 3, 31), 5m, 1, null),
        ];
        await _factory.LoadAsync(customers, transactions);

        await _factory.Services.GetRequiredService<ICampaignImporter>().ImportAsync(
            ImportBatch.FromRecords("april", [], [new TransactionRecord(22, 2, new DateOnly(2025, 4, 1), 5m, 1, null)]) with { AllowUnknownCustomers = true },
            null, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<int>("SELECT reference_fiscal_year FROM campaign.customer_totals_basis"), Is.EqualTo(2025));
            Assert.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Totals_counted_for_another_fiscal_year_start_are_counted_again_at_start()
    {
        var data = new SyntheticRetailData(200, 2000, seed: 13);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        await ExecuteAsync("UPDATE campaign.customer_totals_basis SET fiscal_year_start_month = 1; UPDATE campaign.customer_totals SET recent_fiscal_years = 0;");
        Assume.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.GreaterThan(0));

        await _factory.Services.GetRequiredService<ICampaignDataStore>().EnsureSchemaAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<int>("SELECT fiscal_year_start_month FROM campaign.customer_totals_basis"), Is.EqualTo(4), "the configured start");
            Assert.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task A_database_written_before_the_derived_data_existed_is_derived_at_start()
    {
        var data = new SyntheticRetailData(200, 2000, seed: 12);
        await _factory.LoadAsync(data.Customers(), data.Transactions());
        await ExecuteAsync("""
            DELETE FROM campaign.customer_days; DELETE FROM campaign.customer_totals; DELETE FROM campaign.customer_totals_basis;
            UPDATE campaign.customers SET mobile_digits = NULL, name_lower = NULL;
            """);
        Assume.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.GreaterThan(0));

        await _factory.Services.GetRequiredService<ICampaignDataStore>().EnsureSchemaAsync(CancellationToken.None);

        Assert.That(await DerivedRowsDifferingFromTheirDefinitionAsync(), Is.Zero);
    }

    /// <summary>Rows of the derived data missing from, or extra to, what their definitions compute now.</summary>
    private Task<long> DerivedRowsDifferingFromTheirDefinitionAsync() => ScalarAsync<long>("""
        WITH defined_days AS (
            SELECT
                t.customer_id, t.transaction_date, COUNT(*) AS bills, SUM(t.quantity) AS units, SUM(t.amount) AS spend,
                SUM(COALESCE(t.profit, 0)) AS profit,
                COALESCE(ANY_VALUE(c.registration_date), (SELECT MIN(f.transaction_date) FROM campaign.transactions AS f WHERE f.customer_id = t.customer_id)) AS acquired_date
            FROM campaign.transactions AS t
            LEFT JOIN campaign.customers AS c ON c.customer_id = t.customer_id
            GROUP BY t.customer_id, t.transaction_date
        ),
        stored_days AS (SELECT customer_id, transaction_date, bills, units, spend, profit, acquired_date FROM campaign.customer_days),
        defined_search AS (SELECT customer_id, regexp_replace(mobile, '[ +()-]', '', 'g') AS mobile_digits, lower(customer_name) AS name_lower FROM campaign.customers),
        stored_search AS (SELECT customer_id, mobile_digits, name_lower FROM campaign.customers),
        basis AS (SELECT * FROM campaign.customer_totals_basis),
        -- Every customer's totals over its whole history, its fiscal years as a sorted list (the basis' start month).
        defined_totals AS (
            SELECT concat_ws('|', t.customer_id, COUNT(DISTINCT t.transaction_date), COUNT(*), SUM(t.quantity), SUM(t.amount),
                SUM(COALESCE(t.profit, 0)), MIN(t.transaction_date), MAX(t.transaction_date),
                COALESCE(ANY_VALUE(c.registration_date), MIN(t.transaction_date)),
                list_sort(list(DISTINCT year(t.transaction_date) - CASE WHEN month(t.transaction_date) < b.fiscal_year_start_month THEN 1 ELSE 0 END))) AS line
            FROM campaign.transactions AS t
            CROSS JOIN basis AS b
            LEFT JOIN campaign.customers AS c ON c.customer_id = t.customer_id
            GROUP BY t.customer_id, b.fiscal_year_start_month
        ),
        stored_totals AS (
            SELECT concat_ws('|', t.customer_id, t.visits, t.bills, t.units, t.spend, t.profit, t.first_date, t.last_date, t.acquired_date,
                list_sort(list_concat(
                    [b.reference_fiscal_year - i FOR i IN range(64) IF (t.recent_fiscal_years >> CAST(i AS UBIGINT)) & CAST(1 AS UBIGINT) = 1],
                    COALESCE(t.older_fiscal_years, [])))) AS line
            FROM campaign.customer_totals AS t
            CROSS JOIN basis AS b
        )
        SELECT
            (SELECT count(*) FROM (SELECT * FROM defined_days EXCEPT ALL SELECT * FROM stored_days))
            + (SELECT count(*) FROM (SELECT * FROM stored_days EXCEPT ALL SELECT * FROM defined_days))
            + (SELECT count(*) FROM (SELECT * FROM defined_search EXCEPT ALL SELECT * FROM stored_search))
            + (SELECT count(*) FROM (SELECT * FROM defined_totals EXCEPT ALL SELECT * FROM stored_totals))
            + (SELECT count(*) FROM (SELECT * FROM stored_totals EXCEPT ALL SELECT * FROM defined_totals))
            -- One basis, counted back from the fiscal year of the data's last day, with the data's first and last days.
            + (SELECT count(*) FROM basis) - 1
            + (SELECT count(*) FROM basis AS b, (SELECT MIN(transaction_date) AS first_date, MAX(transaction_date) AS last_date FROM campaign.transactions) AS d
               WHERE b.reference_fiscal_year IS DISTINCT FROM year(d.last_date) - CASE WHEN month(d.last_date) < b.fiscal_year_start_month THEN 1 ELSE 0 END
                  OR b.first_date IS DISTINCT FROM d.first_date OR b.last_date IS DISTINCT FROM d.last_date)
        """);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _factory.Services.GetRequiredService<IDatabaseEngine>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException($"no value: {sql}");
    }

    private async Task<string[]> QueryAsync(string sql)
    {
        await using var connection = await _factory.Services.GetRequiredService<IDatabaseEngine>().OpenConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>(sql)).ToArray();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _factory.Services.GetRequiredService<IDatabaseEngine>().OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }
}
