using CampaignDashboard.Infrastructure.Import;

namespace CampaignDashboard.Infrastructure.Tests;

public sealed class IdRangesTests
{
    [TestCase(1, 10, 10, 3)]
    [TestCase(-5, 5, 11, 4)]
    [TestCase(100, 100, 1, 1000)]
    [TestCase(1, 1_000_000, 1_000_000, 100_000)]
    [TestCase(long.MinValue / 2, long.MaxValue / 2, 7, 2)]
    public void The_ranges_cover_every_id_once_in_order(long first, long last, long count, long perRange)
    {
        var ranges = IdRanges.Split(first, last, count, perRange).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ranges[0].First, Is.EqualTo(first));
            Assert.That(ranges[^1].Last, Is.EqualTo(last));
            Assert.That(ranges.All(r => r.First <= r.Last), Is.True);
            Assert.That(ranges.Zip(ranges.Skip(1)).All(p => p.Second.First == p.First.Last + 1), Is.True, "contiguous");
            Assert.That(ranges, Has.Length.EqualTo((count + perRange - 1) / perRange), "about perRange ids each");
        });
    }

    [Test]
    public void No_ids_give_no_ranges() => Assert.That(IdRanges.Split(1, 0, 0, 10), Is.Empty);
}
