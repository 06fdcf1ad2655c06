using CampaignDashboard.Application.Customers.Common;

namespace CampaignDashboard.Application.Migration.Common;

/// <summary>The order of a flow's customers: customer_id (default), spend_before, spend_after or last_purchase; ties by customer id.</summary>
public static class FlowSort
{
    public static IReadOnlyList<string> Keys { get; } = ["customer_id", "spend_before", "spend_after", "last_purchase"];

    private static readonly CustomerSort Default = new("customer_id", Descending: false);

    public static bool TryParse(string? text, out CustomerSort sort) => CustomerSort.TryParse(text, Keys, Default, out sort);

    /// <summary>The statement parameters of this order and page (the caller adds the flow's cells).</summary>
    public static Dictionary<string, object?> Parameters(string? text, long offset, long limit) =>
        TryParse(text, out var sort)
            ? new Dictionary<string, object?>(sort.Parameters(offset, limit))
            : throw new InvalidOperationException($"The sort '{text}' did not pass validation.");
}
