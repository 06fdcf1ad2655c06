using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>
/// A validated request in domain terms: the transaction window and the customer filters (contract steps 1 and 5).
/// Built once per request by <see cref="FilterParser"/>; every widget statement receives the same instance. A value
/// (all members compare by value), so that the response cache key can be derived from it whole
/// (<see cref="Common.Caching.ResponseCacheKey"/>): a new member cannot be left out of the key.
/// </summary>
public sealed record DashboardFilter
{
    public static DashboardFilter Unfiltered { get; } = new();

    /// <summary>Inclusive first transaction date of the window; null = open.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Inclusive last transaction date of the window; null = open. Also the as-of date when given.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// Digit strings one of which a customer's stored mobile (punctuation ignored) must equal: the searched digits, or
    /// with a phone region the number's international and national digits; empty = no filter.
    /// </summary>
    public ValueSet<string> MobileDigits { get; init; } = new();

    /// <summary>Case-insensitive literal substring of the customer name; null = no filter.</summary>
    public string? NameContains { get; init; }

    /// <summary>Buckets of <see cref="BucketFamilies.Recency"/> a customer must fall in; empty = no filter.</summary>
    public ValueSet<Bucket> RecencyBuckets { get; init; } = new();

    /// <summary>Buckets of <see cref="BucketFamilies.Visits"/>; empty = no filter.</summary>
    public ValueSet<Bucket> VisitBuckets { get; init; } = new();

    /// <summary>Buckets of <see cref="BucketFamilies.Spend"/>; empty = no filter.</summary>
    public ValueSet<Bucket> SpendBuckets { get; init; } = new();

    /// <summary>R scores a customer must have (scores over the whole population); empty = no filter.</summary>
    public ValueSet<int> RScores { get; init; } = new();

    /// <summary>F scores; empty = no filter.</summary>
    public ValueSet<int> FScores { get; init; } = new();

    /// <summary>M scores; empty = no filter.</summary>
    public ValueSet<int> MScores { get; init; } = new();

    /// <summary>Labels of the segments (of <see cref="Scheme"/>) a customer must belong to; empty = no filter.</summary>
    public ValueSet<string> Segments { get; init; } = new();

    /// <summary>The segment scheme every segment of the request is of (contract sections 7 and 8).</summary>
    [JsonConverter(typeof(SchemeByName))]
    public SegmentScheme Scheme { get; init; } = BuiltInSchemes.Contract;

    /// <summary>How the population's scores are cut (contract step 4).</summary>
    public ScoreMethod ScoreMethod { get; init; } = ScoreMethod.Ntile;

    /// <summary>A second window to compare the dashboard with (contract section 9); null = no comparison.</summary>
    public DateWindow? Comparison { get; init; }

    /// <summary>The same customer filters, scheme and method over the comparison window (its as-of date is its end).</summary>
    public DashboardFilter ForComparison() => Comparison is { } window
        ? this with { StartDate = window.Start, EndDate = window.End, Comparison = null }
        : throw new InvalidOperationException("The filter has no comparison window.");

    /// <summary>Whether customers are looked up by mobile or name (the engines find those customers first).</summary>
    public bool MatchesCustomers => !MobileDigits.IsEmpty || NameContains is not null;

    /// <summary>Whether the filter narrows customers by their (R, F, M) cell: a score or a segment filter.</summary>
    public bool FiltersCells => !RScores.IsEmpty || !FScores.IsEmpty || !MScores.IsEmpty || !Segments.IsEmpty;

    /// <summary>Whether the filter narrows customers by a bucket.</summary>
    public bool FiltersBuckets => !RecencyBuckets.IsEmpty || !VisitBuckets.IsEmpty || !SpendBuckets.IsEmpty;

    /// <summary>Whether any customer filter narrows the population (contract step 5): S is not all of P.</summary>
    public bool NarrowsCustomers => MatchesCustomers || FiltersCells || FiltersBuckets;

    /// <summary>Whether a customer with these scores passes the score and segment filters.</summary>
    public bool SelectsCell(int r, int f, int m) =>
        (RScores.IsEmpty || RScores.Contains(r))
        && (FScores.IsEmpty || FScores.Contains(f))
        && (MScores.IsEmpty || MScores.Contains(m))
        && (Segments.IsEmpty || Segments.Contains(Scheme.Classify(r, f, m).Label));

    /// <summary>A scheme is written by its name: the name identifies it within the installation.</summary>
    private sealed class SchemeByName : JsonConverter<SegmentScheme>
    {
        public override SegmentScheme Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A filter is never read from JSON.");

        public override void Write(Utf8JsonWriter writer, SegmentScheme value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }
}
