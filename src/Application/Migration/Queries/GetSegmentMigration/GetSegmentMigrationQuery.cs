using CampaignDashboard.Application.Migration.Common;
using Mediator;

namespace CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;

/// <summary>How customers moved between segments from one snapshot date to another.</summary>
public sealed record GetSegmentMigrationQuery : MigrationParameters, IQuery<SegmentMigrationDto>;
