using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Segments;

/// <summary>
/// How customers moved between the segments of two snapshots (contract section 9): a customer absent from a snapshot
/// is <see cref="NotActive"/> there. Flows are listed by the from label, then the to label, in the scheme's order with
/// NOT ACTIVE last; totals list every label and NOT ACTIVE, zeros included.
/// </summary>
public static class SegmentMigration
{
    public const string NotActive = "NOT ACTIVE";

    /// <summary>The labels of a side: the scheme's, then NOT ACTIVE.</summary>
    public static IReadOnlyList<string> Labels(SegmentScheme scheme) => [.. scheme.Labels, NotActive];

    /// <summary>The label of a side's cell; no cell = NOT ACTIVE.</summary>
    public static string LabelOf(SegmentScheme scheme, int? r, int? f, int? m) =>
        r is { } rs && f is { } fs && m is { } ms ? scheme.Classify(rs, fs, ms).Label : NotActive;

    /// <summary>
    /// The flows (pairs with customers) and each side's totals, from customers counted per (from cell, to cell).
    /// </summary>
    public static (IReadOnlyList<(string From, string To, long Customers)> Flows,
        IReadOnlyList<(string Label, long Customers)> FromTotals,
        IReadOnlyList<(string Label, long Customers)> ToTotals) Tally(
        SegmentScheme scheme, IEnumerable<(string From, string To, long Customers)> counts)
    {
        var labels = Labels(scheme);
        var pairs = counts.GroupBy(c => (c.From, c.To)).ToDictionary(g => g.Key, g => g.Sum(c => c.Customers));
        var flows = (
            from before in labels
            from after in labels
            where pairs.GetValueOrDefault((before, after)) > 0
            select (before, after, pairs[(before, after)])).ToArray();
        return (
            flows,
            labels.Select(label => (label, pairs.Where(p => p.Key.From == label).Sum(p => p.Value))).ToArray(),
            labels.Select(label => (label, pairs.Where(p => p.Key.To == label).Sum(p => p.Value))).ToArray());
    }

    /// <summary>The cells of one label of a side as the engines read them: 'NOT ACTIVE', or the mask of the segment's cells.</summary>
    public static string CellFilter(SegmentScheme scheme, string label) =>
        label == NotActive ? NotActive : RfmScores.CellMask((r, f, m) => scheme.Classify(r, f, m).Label == label);

    /// <summary>A side's label as a request gives it: NOT ACTIVE or a segment of the scheme, ignoring case and spaces.</summary>
    public static bool TryFind(SegmentScheme scheme, string text, out string label)
    {
        label = string.Equals(text.Trim(), NotActive, StringComparison.OrdinalIgnoreCase) ? NotActive
            : scheme.TryFind(text, out var segment) ? segment.Label : string.Empty;
        return label.Length > 0;
    }
}
