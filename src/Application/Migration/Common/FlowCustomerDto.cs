using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.Application.Migration.Common;

/// <summary>One customer of a flow (contract section 9).</summary>
/// <param name="LastPurchase">Its latest transaction on or before to_date.</param>
/// <param name="SpendBefore">Its spend in the first snapshot (0 when not active there).</param>
/// <param name="SpendAfter">Its spend in the second snapshot (0 when not active there).</param>
public sealed record FlowCustomerDto(
    long CustomerId,
    string? CustomerName,
    string? Mobile,
    string FromSegment,
    string ToSegment,
    DateOnly? LastPurchase,
    decimal SpendBefore,
    decimal SpendAfter)
{
    public static FlowCustomerDto From(FlowCustomerRow row, SegmentScheme scheme) => new(
        row.CustomerId,
        row.CustomerName,
        row.Mobile,
        SegmentMigration.LabelOf(scheme, row.FromR, row.FromF, row.FromM),
        SegmentMigration.LabelOf(scheme, row.ToR, row.ToF, row.ToM),
        row.LastPurchase is { } last ? DateOnly.FromDateTime(last) : null,
        Metrics.Round(row.SpendBefore),
        Metrics.Round(row.SpendAfter));
}

/// <summary>A customer's cell in each snapshot, as the engines return it; a side without a cell is NOT ACTIVE there.</summary>
public abstract class MigrationCells
{
    public int? FromR { get; init; }

    public int? FromF { get; init; }

    public int? FromM { get; init; }

    public int? ToR { get; init; }

    public int? ToF { get; init; }

    public int? ToM { get; init; }
}

/// <summary>One customer of a flow as the engines return it (migration_customers.sql).</summary>
public sealed class FlowCustomerRow : MigrationCells
{
    public long CustomerId { get; init; }

    public string? CustomerName { get; init; }

    public string? Mobile { get; init; }

    public decimal SpendBefore { get; init; }

    public decimal SpendAfter { get; init; }

    public DateTime? LastPurchase { get; init; }
}
