using CampaignDashboard.Application.DemoData;

namespace CampaignDashboard.UnitTests.Application;

public sealed class SyntheticRetailDataTests
{
    [Test]
    public void The_same_arguments_give_the_same_rows()
    {
        var first = new SyntheticRetailData(500, 4_000, seed: 7);
        var second = new SyntheticRetailData(500, 4_000, seed: 7);
        Assert.Multiple(() =>
        {
            Assert.That(second.Customers(), Is.EqualTo(first.Customers()));
            Assert.That(second.Transactions(), Is.EqualTo(first.Transactions()));
        });
    }

    [Test]
    public void Another_seed_gives_other_rows() =>
        Assert.That(new SyntheticRetailData(500, 4_000, seed: 8).Transactions(), Is.Not.EqualTo(new SyntheticRetailData(500, 4_000, seed: 7).Transactions()));

    [TestCase(1, 0)]
    [TestCase(10, 3)]
    [TestCase(1_000, 25_000)]
    public void Exactly_the_asked_numbers_of_rows_are_made(int customers, int transactions)
    {
        var data = new SyntheticRetailData(customers, transactions, seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(data.Customers().Count(), Is.EqualTo(customers));
            Assert.That(data.Transactions().Count(), Is.EqualTo(transactions));
            Assert.That(data.Transactions().Select(t => t.TransactionId), Is.Unique);
            Assert.That(data.Transactions().Select(t => t.CustomerId), Is.All.InRange(1, customers));
        });
    }

    [Test]
    public void The_demo_data_has_the_skew_of_a_real_shop()
    {
        var demo = SyntheticRetailData.Demo();
        var transactions = demo.Transactions().ToArray();
        var billsPerCustomer = transactions.GroupBy(t => t.CustomerId).Select(g => g.Count()).OrderDescending().ToArray();
        var topPercent = billsPerCustomer.Take(billsPerCustomer.Length / 100).Sum();
        var novemberDecember = transactions.Count(t => t.TransactionDate.Month >= 11);

        Assert.Multiple(() =>
        {
            Assert.That(demo.Customers().Count(), Is.EqualTo(10_000));
            Assert.That(transactions, Has.Length.EqualTo(100_000));
            Assert.That(billsPerCustomer.Count(b => b == 1), Is.GreaterThan(billsPerCustomer.Length / 4), "many one-time buyers");
            Assert.That(topPercent, Is.GreaterThan(transactions.Length / 10), "the top 1% of customers make over 10% of bills");
            Assert.That(billsPerCustomer.Length, Is.LessThan(10_000), "some registered customers never buy");
            Assert.That(novemberDecember, Is.GreaterThan(transactions.Length * 2 / 12 * 13 / 10), "a seasonal peak before Christmas");
            Assert.That(transactions.Count(t => t.Amount < 0), Is.GreaterThan(0), "returns");
            Assert.That(transactions.Count(t => t.Profit is null), Is.GreaterThan(0), "unknown profits");
            Assert.That(transactions.Select(t => t.TransactionDate), Is.All.InRange(SyntheticRetailData.DefaultFirstDate, SyntheticRetailData.DefaultLastDate));
        });
    }
}
