using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.UnitTests.Domain;

public sealed class RfmScoresTests
{
    [TestCase(RfmDimension.Recency, 5, "Bought Most Recently")]
    [TestCase(RfmDimension.Recency, 4, "Bought Recently")]
    [TestCase(RfmDimension.Recency, 3, "Bought Some Time Ago")]
    [TestCase(RfmDimension.Recency, 2, "Bought Long Ago")]
    [TestCase(RfmDimension.Recency, 1, "Bought Longest Ago")]
    [TestCase(RfmDimension.Frequency, 5, "Most Frequent Visit")]
    [TestCase(RfmDimension.Frequency, 4, "More Frequent Visit")]
    [TestCase(RfmDimension.Frequency, 3, "Regular Visit")]
    [TestCase(RfmDimension.Frequency, 2, "Rare Visit")]
    [TestCase(RfmDimension.Frequency, 1, "Most Rarest Visit")]
    [TestCase(RfmDimension.Monetary, 5, "Highest Spend")]
    [TestCase(RfmDimension.Monetary, 4, "High Spend")]
    [TestCase(RfmDimension.Monetary, 3, "Medium Spend")]
    [TestCase(RfmDimension.Monetary, 2, "Low Spend")]
    [TestCase(RfmDimension.Monetary, 1, "Lowest Spend")]
    public void Each_score_has_the_contract_label(RfmDimension dimension, int score, string label) =>
        Assert.That(RfmScores.Label(dimension, score), Is.EqualTo(label));

    [TestCase(0)]
    [TestCase(6)]
    public void Scores_outside_one_to_five_have_no_label(int score) =>
        Assert.That(() => RfmScores.Label(RfmDimension.Recency, score), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void Score_widgets_list_five_first() => Assert.That(RfmScores.Descending, Is.EqualTo(new[] { 5, 4, 3, 2, 1 }));
}

public sealed class MetricsTests
{
    [TestCase("0.125", "0.13")]
    [TestCase("-0.125", "-0.13")]
    [TestCase("2.675", "2.68")]
    [TestCase("104.3333", "104.33")]
    [TestCase("1.005", "1.01")]
    public void Rounding_is_half_away_from_zero_to_two_places(string value, string rounded) =>
        Assert.That(Metrics.Round(Dec(value)), Is.EqualTo(Dec(rounded)));

    [TestCase(1, 3, "33.33")]
    [TestCase(2, 3, "66.67")]
    [TestCase(1, 8, "12.5")]
    [TestCase(0, 0, "0")]
    [TestCase(5, 0, "0")]
    public void Percentage_is_the_rounded_share_and_zero_for_an_empty_total(long part, long total, string percentage) =>
        Assert.That(Metrics.Percentage(part, total), Is.EqualTo(Dec(percentage)));

    [Test]
    public void Ratio_of_nothing_is_zero() => Assert.That(Metrics.Ratio(10, 0), Is.Zero);

    private static decimal Dec(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
