using CampaignDashboard.Application.Migration.Common;

namespace CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;

/// <summary>
/// The flows between the segments of two snapshots (every pair with customers; NOT ACTIVE = absent from that
/// snapshot) and each side's totals; the two totals add up to the customers active in either snapshot.
/// </summary>
public sealed record SegmentMigrationDto(
    IReadOnlyList<MigrationFlowDto> Items,
    IReadOnlyList<MigrationTotalDto> FromTotals,
    IReadOnlyList<MigrationTotalDto> ToTotals,
    MigrationMetaDto Meta);

/// <summary>Customers in segment From at the first date and in To at the second.</summary>
public sealed record MigrationFlowDto(string FromSegment, string ToSegment, long Customers);

/// <summary>Customers of one label (a segment or NOT ACTIVE) on one side.</summary>
public sealed record MigrationTotalDto(string Label, long Customers);
