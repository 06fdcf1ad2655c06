namespace CampaignDashboard.Domain.Buckets;

/// <summary>
/// An ordered set of contiguous, non-overlapping ranges over one per-customer measure, each with its label.
/// Every bucket but the last has an upper bound; the first also takes everything below (zero and negatives).
/// </summary>
public sealed class BucketFamily
{
    private readonly Dictionary<string, Bucket> _byLabel;

    public BucketFamily(string measure, UpperBoundKind boundKind, IEnumerable<(string Label, decimal? UpperBound)> buckets)
    {
        Measure = measure;
        BoundKind = boundKind;
        Buckets = buckets.Select((b, i) => new Bucket(i, b.Label, b.UpperBound)).ToArray();

        var bounds = Buckets.Take(Buckets.Count - 1).Select(b => b.UpperBound).ToArray();
        if (bounds.Any(b => b is null) || Buckets[^1].UpperBound is not null)
        {
            throw new ArgumentException("Only the last bucket is open-ended.", nameof(buckets));
        }

        if (bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException("Upper bounds must increase.", nameof(buckets));
        }

        _byLabel = Buckets.ToDictionary(b => b.Label, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What is bucketed, e.g. "recency in days".</summary>
    public string Measure { get; }

    public UpperBoundKind BoundKind { get; }

    public IReadOnlyList<Bucket> Buckets { get; }

    public IEnumerable<string> Labels => Buckets.Select(b => b.Label);

    /// <summary>The bounds of all buckets but the last, in order: what a query compares a measure against.</summary>
    public IReadOnlyList<decimal> UpperBounds => Buckets.Take(Buckets.Count - 1).Select(b => b.UpperBound!.Value).ToArray();

    public Bucket Classify(decimal value) =>
        Buckets.First(b => b.UpperBound is not { } bound || (BoundKind == UpperBoundKind.Inclusive ? value <= bound : value < bound));

    /// <summary>
    /// Classifies the ratio numerator / denominator (denominator &gt; 0) without dividing, so that a mean such as
    /// 59 days over 2 gaps is compared exactly rather than as a rounded 29.5.
    /// </summary>
    public Bucket ClassifyRatio(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        return Buckets.First(b => b.UpperBound is not { } bound
            || (BoundKind == UpperBoundKind.Inclusive ? numerator <= bound * denominator : numerator < bound * denominator));
    }

    /// <summary>Finds a bucket by label, ignoring case and surrounding white space.</summary>
    public bool TryFind(string label, out Bucket bucket) => _byLabel.TryGetValue(label.Trim(), out bucket!);
}
