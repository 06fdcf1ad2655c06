namespace CampaignDashboard.Domain.Buckets;

/// <summary>
/// One category of a <see cref="BucketFamily"/>. <see cref="UpperBound"/> is null for the last, open-ended bucket;
/// whether the bound itself belongs to the bucket is the family's <see cref="BucketFamily.BoundKind"/>.
/// </summary>
public sealed record Bucket(int Index, string Label, decimal? UpperBound);
