using Mediator;

namespace CampaignDashboard.Application.Segmentation.Queries.GetSegmentSchemes;

/// <summary>Every segment scheme of this installation with its segments and rules, so a page can say what each segment means.</summary>
public sealed record GetSegmentSchemesQuery : IQuery<SegmentSchemesDto>;
