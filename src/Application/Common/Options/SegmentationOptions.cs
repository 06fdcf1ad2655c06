namespace CampaignDashboard.Application.Common.Options;

/// <summary>
/// The "Segmentation" configuration section: the default segment scheme and a team's own schemes
/// (Segmentation:Schemes:&lt;name&gt;), beside the built-in contract, rfm10 and rfm11 (contract section 7).
/// </summary>
public sealed class SegmentationOptions
{
    public const string SectionName = "Segmentation";

    /// <summary>The scheme of a request that names none.</summary>
    public string DefaultScheme { get; set; } = "contract";

    /// <summary>Custom schemes by name.</summary>
    public Dictionary<string, SegmentSchemeOptions> Schemes { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One custom scheme: its segments in precedence order, and optionally a fallback segment's label.</summary>
public sealed class SegmentSchemeOptions
{
    public List<SegmentOptions> Segments { get; } = [];

    /// <summary>The label of a last segment that takes every cell no rule takes; without it, the rules must take all 125.</summary>
    public string? Fallback { get; set; }
}

/// <summary>One segment: a label and either score ranges (R, F, M as [min, max]; an omitted one is 1-5) or cells ("554").</summary>
public sealed class SegmentOptions
{
    public string? Label { get; set; }

    public List<int>? R { get; set; }

    public List<int>? F { get; set; }

    public List<int>? M { get; set; }

    public List<string>? Cells { get; set; }
}

/// <summary>The "Scoring" configuration section.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>The score method of a request that names none: ntile (the design card's) or ties.</summary>
    public string DefaultMethod { get; set; } = "ntile";
}
