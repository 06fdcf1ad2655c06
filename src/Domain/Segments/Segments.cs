namespace CampaignDashboard.Domain.Segments;

/// <summary>The segment rules, in precedence order: the first rule that holds wins.</summary>
public static class Segments
{
    public static Segment Champions { get; } = new(0, "CHAMPIONS", (r, f, m) => r >= 3 && f >= 3 && m >= 3);

    public static Segment PotentialLoyalists { get; } = new(1, "POTENTIAL LOYALISTS", (r, f, _) => r >= 2 && f >= 2);

    public static Segment NewCustomers { get; } = new(2, "NEW CUSTOMERS", (r, _, _) => r >= 4);

    public static Segment NeedAttention { get; } = new(3, "NEED ATTENTION", (_, _, _) => true);

    public static IReadOnlyList<Segment> InPrecedenceOrder { get; } = [Champions, PotentialLoyalists, NewCustomers, NeedAttention];

    public static Segment Classify(int recency, int frequency, int monetary) =>
        InPrecedenceOrder.First(s => s.Admits(recency, frequency, monetary));

    /// <summary>Finds a segment by label, ignoring case and surrounding white space.</summary>
    public static bool TryFind(string label, out Segment segment)
    {
        segment = InPrecedenceOrder.FirstOrDefault(s => string.Equals(s.Label, label.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return segment is not null;
    }
}
