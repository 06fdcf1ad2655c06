using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.UnitTests.Domain;

public sealed class SegmentsTests
{
    [TestCase(3, 3, 3, "CHAMPIONS")]
    [TestCase(5, 5, 5, "CHAMPIONS")]            // also satisfies the later rules: the first rule wins
    [TestCase(5, 5, 2, "POTENTIAL LOYALISTS")]  // M < 3 keeps it out of CHAMPIONS
    [TestCase(2, 2, 1, "POTENTIAL LOYALISTS")]
    [TestCase(2, 5, 5, "POTENTIAL LOYALISTS")]  // R 2 is not enough for CHAMPIONS
    [TestCase(4, 1, 5, "NEW CUSTOMERS")]        // F 1 keeps it out of the first two
    [TestCase(5, 1, 1, "NEW CUSTOMERS")]
    [TestCase(3, 1, 5, "NEED ATTENTION")]
    [TestCase(1, 5, 5, "NEED ATTENTION")]
    [TestCase(1, 1, 1, "NEED ATTENTION")]
    public void The_first_rule_that_holds_wins(int r, int f, int m, string label) =>
        Assert.That(BuiltInSchemes.Contract.Classify(r, f, m).Label, Is.EqualTo(label));

    [Test]
    public void Segments_are_listed_in_precedence_order() =>
        Assert.That(BuiltInSchemes.Contract.Segments.Select(s => s.Label),
            Is.EqualTo(new[] { "CHAMPIONS", "POTENTIAL LOYALISTS", "NEW CUSTOMERS", "NEED ATTENTION" }));

    [Test]
    public void Every_score_combination_has_exactly_one_segment()
    {
        var scores = Enumerable.Range(1, 5).ToArray();
        var combinations = from r in scores from f in scores from m in scores select BuiltInSchemes.Contract.Classify(r, f, m);
        Assert.That(combinations.Count(), Is.EqualTo(125));
    }
}
