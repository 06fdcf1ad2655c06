using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.UnitTests.Domain;

/// <summary>Segment schemes (contract section 7): the built-in ones exactly as listed, precedence, and every way a configured one is refused.</summary>
public sealed class SegmentSchemeTests
{
    private static readonly (int R, int F, int M)[] AllCells = RfmScores.Cells.ToArray();

    [Test]
    public void Rfm11s_cell_lists_cover_the_125_cells_exactly_once()
    {
        var listed = BuiltInSchemes.Rfm11.Segments.SelectMany(s => ((CellList)s.Rule).Cells).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(listed, Has.Length.EqualTo(125));
            Assert.That(listed, Is.Unique);
            Assert.That(listed, Is.EquivalentTo(AllCells.Select(c => $"{c.R}{c.F}{c.M}")));
        });
    }

    [Test]
    public void Rfm10_takes_every_cell_with_its_fallback_Others_last()
    {
        var rules = BuiltInSchemes.Rfm10.Segments;
        Assert.Multiple(() =>
        {
            Assert.That(rules[^1].Label, Is.EqualTo("Others"));
            Assert.That(rules[^1].Rule, Is.InstanceOf<Fallback>());
            Assert.That(AllCells.Select(c => BuiltInSchemes.Rfm10.Classify(c.R, c.F, c.M).Label), Has.Some.EqualTo("Others"));
            Assert.That(AllCells.Count(c => rules.Take(rules.Count - 1).Any(s => s.Rule.Admits(c.R, c.F, c.M))), Is.LessThan(125),
                "without the fallback some cells are untaken");
        });
    }

    [TestCase(5, 5, 5, "Champions")]            // also in Potential Loyalist's ranges: the first range wins
    [TestCase(4, 4, 4, "Potential Loyalist")]   // also Loyal Customers'
    [TestCase(2, 4, 4, "Loyal Customers")]      // also At Risk's and Need Attention's
    [TestCase(1, 1, 1, "Lost")]
    [TestCase(3, 1, 5, "Promising")]
    [TestCase(3, 5, 1, "Others")]             // in no range
    public void A_cell_in_two_ranges_goes_to_the_first(int r, int f, int m, string label) =>
        Assert.That(BuiltInSchemes.Rfm10.Classify(r, f, m).Label, Is.EqualTo(label));

    [TestCase("555", "Champions")]
    [TestCase("311", "New Customers")]
    [TestCase("111", "Lost")]
    [TestCase("213", "About To Sleep")]
    public void Rfm11_classifies_by_its_cells(string cell, string label) =>
        Assert.That(BuiltInSchemes.Rfm11.Classify(cell[0] - '0', cell[1] - '0', cell[2] - '0').Label, Is.EqualTo(label));

    [Test]
    public void A_valid_configured_scheme_is_served_beside_the_built_in_ones()
    {
        var schemes = Build(new()
        {
            ["Segmentation:DefaultScheme"] = "vip",
            ["Segmentation:Schemes:vip:Segments:0:Label"] = "VIP",
            ["Segmentation:Schemes:vip:Segments:0:R:0"] = "4",
            ["Segmentation:Schemes:vip:Segments:0:R:1"] = "5",
            ["Segmentation:Schemes:vip:Segments:0:M:0"] = "5",
            ["Segmentation:Schemes:vip:Segments:0:M:1"] = "5",
            ["Segmentation:Schemes:vip:Segments:1:Label"] = "Lapsed",
            ["Segmentation:Schemes:vip:Segments:1:Cells:0"] = "111",
            ["Segmentation:Schemes:vip:Fallback"] = "Everyone else",
        });

        Assert.Multiple(() =>
        {
            Assert.That(schemes.Default.Name, Is.EqualTo("vip"));
            Assert.That(schemes.Default.Labels, Is.EqualTo(new[] { "VIP", "Lapsed", "Everyone else" }));
            Assert.That(schemes.Default.Classify(5, 1, 5).Label, Is.EqualTo("VIP"));
            Assert.That(schemes.Default.Classify(1, 1, 1).Label, Is.EqualTo("Lapsed"));
            Assert.That(schemes.Default.Classify(3, 3, 3).Label, Is.EqualTo("Everyone else"));
            Assert.That(schemes.Names, Is.SupersetOf(new[] { "contract", "rfm10", "rfm11", "vip" }));
        });
    }

    [TestCase("Segments:0:R:0", "0", "Segmentation:Schemes:bad segment 'A': R [0, 4] has a score outside 1..5.")]
    [TestCase("Segments:0:R:0", "5", "Segmentation:Schemes:bad segment 'A': R [5, 4] has min > max.")]
    [TestCase("Segments:1:Cells:0", "56", "Segmentation:Schemes:bad segment 'B': cell '56' is not three scores 1..5 such as \"554\".")]
    [TestCase("Segments:1:Cells:1", "111", "Segmentation:Schemes:bad lists cell '111' more than once (in 'B').")]
    [TestCase("Segments:1:Label", "a", "Segmentation:Schemes:bad repeats the label 'A'.")]
    [TestCase("Fallback", "", "Segmentation:Schemes:bad leaves 99 cells untaken and has no fallback (first: 112, 113, 114, 115, 121).")]
    [TestCase("Segments:0:R:2", "5", "Segmentation:Schemes:bad:Segments:0:R must be two scores [min, max]; found 3 values.")]
    [TestCase("Segments:1:R:0", "1", "Segmentation:Schemes:bad:Segments:1 has both Cells and score ranges; a rule is one or the other.")]
    public void An_invalid_scheme_is_refused_with_one_line_naming_its_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Segmentation:Schemes:bad:Segments:0:Label"] = "A",
            ["Segmentation:Schemes:bad:Segments:0:R:0"] = "4",
            ["Segmentation:Schemes:bad:Segments:0:R:1"] = "4",
            ["Segmentation:Schemes:bad:Segments:1:Label"] = "B",
            ["Segmentation:Schemes:bad:Segments:1:Cells:0"] = "111",
            ["Segmentation:Schemes:bad:Fallback"] = "Rest",
        };
        settings[$"Segmentation:Schemes:bad:{key}"] = value;

        var refusal = Assert.Throws<OptionsValidationException>(() => Build(settings));
        Assert.That(refusal!.Failures, Is.EqualTo(new[] { message }));
    }

    [TestCase("Segmentation:DefaultScheme", "vip", "Segmentation:DefaultScheme must be one of contract, rfm10, rfm11; found 'vip'.")]
    [TestCase("Scoring:DefaultMethod", "quantile", "Scoring:DefaultMethod must be one of ntile, ties; found 'quantile'.")]
    [TestCase("Segmentation:Schemes:RFM10:Fallback", "All", "Segmentation:Schemes:RFM10: 'RFM10' is a built-in scheme's name; choose another.")]
    public void An_unknown_default_or_a_taken_name_is_refused(string key, string value, string message)
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => Build(new() { [key] = value }));
        Assert.That(refusal!.Failures, Is.EqualTo(new[] { message }));
    }

    /// <summary>The schemes as the application builds them from configuration, validated as at start.</summary>
    private static SegmentSchemes Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        CampaignDashboard.Application.DependencyInjection.AddApplication(services, autoMapperLicenseKey: null);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<SegmentSchemes>();
    }
}
