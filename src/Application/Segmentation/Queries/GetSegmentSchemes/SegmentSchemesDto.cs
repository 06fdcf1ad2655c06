namespace CampaignDashboard.Application.Segmentation.Queries.GetSegmentSchemes;

/// <summary>The segment schemes, and which one a request that names none gets.</summary>
public sealed record SegmentSchemesDto(string DefaultScheme, string DefaultScoreMethod, IReadOnlyList<SegmentSchemeDto> Schemes);

/// <summary>One scheme: its segments in precedence order (a customer belongs to the first whose rule holds).</summary>
public sealed record SegmentSchemeDto(string Name, IReadOnlyList<SegmentDto> Segments);

/// <summary>
/// One segment and its rule: score ranges (r, f, m as [min, max]), a list of cells ("554": R 5, F 5, M 4), or the
/// fallback that takes every cell no other rule takes.
/// </summary>
/// <param name="Rule">ranges, cells or fallback.</param>
/// <param name="Definition">The rule in words, for a tooltip.</param>
public sealed record SegmentDto(
    string Label,
    string Rule,
    IReadOnlyList<int>? R,
    IReadOnlyList<int>? F,
    IReadOnlyList<int>? M,
    IReadOnlyList<string>? Cells,
    string Definition);
