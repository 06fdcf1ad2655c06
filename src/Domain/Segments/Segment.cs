namespace CampaignDashboard.Domain.Segments;

/// <summary>A marketing segment: a label and the rule on (R, F, M) scores that admits a customer.</summary>
public sealed record Segment(string Label, SegmentRule Rule);
