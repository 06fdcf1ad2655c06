using System.Globalization;
using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Domain.Segments;

/// <summary>What admits a customer to a segment, from its (R, F, M) scores (contract section 7).</summary>
public abstract record SegmentRule
{
    public abstract bool Admits(int r, int f, int m);
}

/// <summary>Inclusive score ranges, e.g. R 3-5, F 3-5, M 2-5.</summary>
public sealed record ScoreRanges(ScoreRange R, ScoreRange F, ScoreRange M) : SegmentRule
{
    public override bool Admits(int r, int f, int m) => R.Contains(r) && F.Contains(f) && M.Contains(m);

    public override string ToString() => $"R {R}, F {F}, M {M}";
}

/// <summary>An inclusive range of scores within 1..5.</summary>
public readonly record struct ScoreRange(int Min, int Max)
{
    public static ScoreRange All { get; } = new(RfmScores.Lowest, RfmScores.Highest);

    public bool Contains(int score) => score >= Min && score <= Max;

    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}

/// <summary>A list of cells, each written R digit first ("554" is R 5, F 5, M 4).</summary>
public sealed record CellList(IReadOnlyList<string> Cells) : SegmentRule
{
    private readonly HashSet<string> _cells = new(Cells, StringComparer.Ordinal);

    public override bool Admits(int r, int f, int m) => _cells.Contains(Code(r, f, m));

    /// <summary>The cell's code: "554" for R 5, F 5, M 4.</summary>
    public static string Code(int r, int f, int m) => string.Create(CultureInfo.InvariantCulture, $"{r}{f}{m}");

    public override string ToString() => string.Join(", ", Cells);
}

/// <summary>The scheme's last segment, taking every cell no other rule takes.</summary>
public sealed record Fallback : SegmentRule
{
    public override bool Admits(int r, int f, int m) => true;

    public override string ToString() => "every other cell";
}
