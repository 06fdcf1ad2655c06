using System.Globalization;
using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Segments;

/// <summary>
/// An ordered list of segments (contract section 7): a customer belongs to the first segment whose rule its (R, F, M)
/// scores satisfy. A scheme may end with a fallback segment; without one, every one of the 125 cells must be taken.
/// Built valid or not at all (<see cref="Create"/>).
/// </summary>
public sealed class SegmentScheme
{
    private readonly Segment[] _byCell;

    private SegmentScheme(string name, IReadOnlyList<Segment> segments)
    {
        Name = name;
        Segments = segments;
        _byCell = RfmScores.Cells.Select(cell => segments.First(s => s.Rule.Admits(cell.R, cell.F, cell.M))).ToArray();
    }

    public string Name { get; }

    /// <summary>The segments in precedence order: the order every widget lists them in.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    public IEnumerable<string> Labels => Segments.Select(s => s.Label);

    /// <summary>
    /// A scheme of these segments, or a <see cref="SegmentSchemeException"/> saying what is wrong: a score outside
    /// 1..5, min &gt; max, a malformed or repeated cell, a repeated label, a fallback before the end, or cells left
    /// untaken without a fallback.
    /// </summary>
    public static SegmentScheme Create(string name, IReadOnlyList<Segment> segments)
    {
        if (segments.Count == 0)
        {
            throw new SegmentSchemeException("has no segments");
        }

        if (segments.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Label)) is not null)
        {
            throw new SegmentSchemeException("has a segment without a label");
        }

        if (segments.GroupBy(s => s.Label.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new SegmentSchemeException($"repeats the label '{repeated.Key}'");
        }

        if (segments.Take(segments.Count - 1).FirstOrDefault(s => s.Rule is Fallback) is { } early)
        {
            throw new SegmentSchemeException($"has the fallback '{early.Label}' before its last segment");
        }

        foreach (var segment in segments)
        {
            Check(segment);
        }

        // A cell is listed once in the whole scheme: listed again, it could only be a mistake (the first would win).
        if (segments.SelectMany(s => s.Rule is CellList list ? list.Cells.Select(cell => (Cell: cell, s.Label)) : [])
                .GroupBy(c => c.Cell, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeatedCell)
        {
            throw new SegmentSchemeException(
                $"lists cell '{repeatedCell.Key}' more than once (in {string.Join(" and ", repeatedCell.Select(c => $"'{c.Label}'").Distinct())})");
        }

        var untaken = RfmScores.Cells.Where(cell => !segments.Any(s => s.Rule.Admits(cell.R, cell.F, cell.M))).ToArray();
        if (untaken.Length > 0)
        {
            throw new SegmentSchemeException(
                $"leaves {untaken.Length} cells untaken and has no fallback (first: {string.Join(", ", untaken.Take(5).Select(c => CellList.Code(c.R, c.F, c.M)))})");
        }

        return new SegmentScheme(name, segments);
    }

    /// <summary>The segment of a customer with these scores.</summary>
    public Segment Classify(int r, int f, int m) => _byCell[((r - 1) * 25) + ((f - 1) * 5) + (m - 1)];

    /// <summary>Finds a segment by label, ignoring case and surrounding white space.</summary>
    public bool TryFind(string label, out Segment segment)
    {
        segment = Segments.FirstOrDefault(s => string.Equals(s.Label, label.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return segment is not null;
    }

    private static void Check(Segment segment)
    {
        switch (segment.Rule)
        {
            case ScoreRanges ranges:
                foreach (var (score, range) in new[] { ("R", ranges.R), ("F", ranges.F), ("M", ranges.M) })
                {
                    if (range.Min is < RfmScores.Lowest or > RfmScores.Highest || range.Max is < RfmScores.Lowest or > RfmScores.Highest)
                    {
                        throw new SegmentSchemeException(string.Create(CultureInfo.InvariantCulture,
                            $"segment '{segment.Label}': {score} [{range.Min}, {range.Max}] has a score outside 1..5"));
                    }

                    if (range.Min > range.Max)
                    {
                        throw new SegmentSchemeException(string.Create(CultureInfo.InvariantCulture,
                            $"segment '{segment.Label}': {score} [{range.Min}, {range.Max}] has min > max"));
                    }
                }

                break;
            case CellList cells:
                if (cells.Cells.FirstOrDefault(c => c.Length != 3 || c.Any(d => d is < '1' or > '5')) is { } malformed)
                {
                    throw new SegmentSchemeException($"segment '{segment.Label}': cell '{malformed}' is not three scores 1..5 such as \"554\"");
                }

                break;
        }
    }
}

/// <summary>What makes a segment scheme invalid, as a sentence fragment ("repeats the label 'Lost'").</summary>
public sealed class SegmentSchemeException : Exception
{
    public SegmentSchemeException(string message)
        : base(message)
    {
    }

    public SegmentSchemeException()
    {
    }

    public SegmentSchemeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
