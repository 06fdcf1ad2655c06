using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.Application.Migration.Common;

/// <summary>The migration's parameters plus one flow: a from and a to label (a segment of the scheme or NOT ACTIVE) and an order.</summary>
public abstract record FlowParameters : MigrationParameters
{
    public const string FromSegmentName = "from_segment";
    public const string ToSegmentName = "to_segment";

    public string? FromSegment { get; init; }

    public string? ToSegment { get; init; }

    /// <summary>customer_id (default), spend_before, spend_after or last_purchase, '-' first for descending.</summary>
    public string? Sort { get; init; }

    /// <summary>The statement parameters of the flow of validated parameters in a scheme: each side's cells (or NOT ACTIVE).</summary>
    public Dictionary<string, object?> FlowCells(SegmentScheme scheme) => new()
    {
        ["from_cells"] = SegmentMigration.CellFilter(scheme, Label(scheme, FromSegment)),
        ["to_cells"] = SegmentMigration.CellFilter(scheme, Label(scheme, ToSegment)),
    };

    public static string Label(SegmentScheme scheme, string? text) =>
        text is not null && SegmentMigration.TryFind(scheme, text, out var label)
            ? label
            : throw new InvalidOperationException($"The segment '{text}' did not pass validation.");
}
