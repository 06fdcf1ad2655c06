using CampaignDashboard.Domain.Buckets;

namespace CampaignDashboard.UnitTests.Domain;

/// <summary>Bounds and labels as written in the contract, section 4.</summary>
public sealed class BucketFamiliesTests
{
    [TestCase(0, "1-200")]
    [TestCase(200, "1-200")]
    [TestCase(201, "200-400")]
    [TestCase(400, "200-400")]
    [TestCase(401, "400-600")]
    [TestCase(800, "600-800")]
    [TestCase(1000, "800-1000")]
    [TestCase(1001, ">1000")]
    public void Recency_days_fall_in_the_contract_bucket(int days, string label) =>
        Assert.That(BucketFamilies.Recency.Classify(days).Label, Is.EqualTo(label));

    [TestCase(1, "1")]
    [TestCase(2, "2")]
    [TestCase(9, "9")]
    [TestCase(10, "10+")]
    [TestCase(11, "10+")]
    [TestCase(250, "10+")]
    public void Visits_fall_in_the_contract_bucket(int visits, string label) =>
        Assert.That(BucketFamilies.Visits.Classify(visits).Label, Is.EqualTo(label));

    [TestCase("-20", "1-1000")]
    [TestCase("0", "1-1000")]
    [TestCase("1000.00", "1-1000")]
    [TestCase("1000.01", "1000-2000")]
    [TestCase("2000.00", "1000-2000")]
    [TestCase("2000.01", "2000-3000")]
    [TestCase("5000.00", "4000-5000")]
    [TestCase("5000.01", ">5000")]
    public void Spend_falls_in_the_contract_bucket(string spend, string label) =>
        Assert.That(BucketFamilies.Spend.Classify(decimal.Parse(spend, System.Globalization.CultureInfo.InvariantCulture)).Label, Is.EqualTo(label));

    [TestCase("0", "<1 Month")]
    [TestCase("29.99", "<1 Month")]
    [TestCase("30", "1-2 Month")]
    [TestCase("59.99", "1-2 Month")]
    [TestCase("60", "2-3 Month")]
    [TestCase("89.99", "2-3 Month")]
    [TestCase("90", "3-6 Month")]
    [TestCase("179.99", "3-6 Month")]
    [TestCase("180", "6-12 Month")]
    [TestCase("364.99", "6-12 Month")]
    [TestCase("365", "1-2 Yr")]
    [TestCase("729.99", "1-2 Yr")]
    [TestCase("730", ">2 Yr")]
    public void Return_days_fall_in_the_contract_bucket(string days, string label) =>
        Assert.That(BucketFamilies.ReturnPeriod.Classify(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture)).Label, Is.EqualTo(label));

    [TestCase(59, 2, "<1 Month")]   // 29.5 days
    [TestCase(60, 2, "1-2 Month")]  // exactly 30
    [TestCase(89, 3, "<1 Month")]   // 29.67
    [TestCase(90, 3, "1-2 Month")]
    [TestCase(729, 1, "1-2 Yr")]
    [TestCase(730, 1, ">2 Yr")]
    public void Mean_return_gap_is_compared_exactly(long days, long gaps, string label) =>
        Assert.That(BucketFamilies.ReturnPeriod.ClassifyRatio(days, gaps).Label, Is.EqualTo(label));

    [Test]
    public void Labels_are_the_contracts_in_order()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BucketFamilies.Recency.Labels, Is.EqualTo(new[] { "1-200", "200-400", "400-600", "600-800", "800-1000", ">1000" }));
            Assert.That(BucketFamilies.Visits.Labels, Is.EqualTo(new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+" }));
            Assert.That(BucketFamilies.Spend.Labels,
                Is.EqualTo(new[] { "1-1000", "1000-2000", "2000-3000", "3000-4000", "4000-5000", ">5000" }));
            Assert.That(BucketFamilies.ReturnPeriod.Labels,
                Is.EqualTo(new[] { "<1 Month", "1-2 Month", "2-3 Month", "3-6 Month", "6-12 Month", "1-2 Yr", ">2 Yr" }));
        });
    }

    [TestCase("10+")]
    [TestCase(" 10+ ")]
    [TestCase("10+\t")]
    public void Labels_are_found_after_trimming(string label)
    {
        Assert.That(BucketFamilies.Visits.TryFind(label, out var bucket), Is.True);
        Assert.That(bucket.Index, Is.EqualTo(9));
    }

    [Test]
    public void Labels_are_found_ignoring_case()
    {
        var family = new BucketFamily("test", UpperBoundKind.Inclusive, [("Low", 1), ("High", null)]);
        Assert.That(family.TryFind("hIGH", out var bucket), Is.True);
        Assert.That(bucket.Label, Is.EqualTo("High"));
    }

    [TestCase("10")]
    [TestCase("1-300")]
    [TestCase("")]
    public void Unknown_labels_are_not_found(string label) =>
        Assert.That(BucketFamilies.Visits.TryFind(label, out _) || BucketFamilies.Recency.TryFind(label, out _), Is.False);

    [Test]
    public void A_family_rejects_bounds_that_do_not_increase() =>
        Assert.That(() => new BucketFamily("bad", UpperBoundKind.Inclusive, [("a", 5), ("b", 5), ("c", null)]), Throws.ArgumentException);

    [Test]
    public void A_family_rejects_a_bounded_last_bucket() =>
        Assert.That(() => new BucketFamily("bad", UpperBoundKind.Inclusive, [("a", 5), ("b", 6)]), Throws.ArgumentException);
}
