namespace CampaignDashboard.Application.Migration.Common;

/// <summary>The order of a flow's customers: customer_id (default), spend_before, spend_after or last_purchase; ties by customer id.</summary>
public static class FlowSort
{
    public static IReadOnlyList<string> Keys { get; } = ["customer_id", "spend_before", "spend_after", "last_purchase"];

    public static bool TryParse(string? text, out (string Key, bool Descending) sort)
    {
        sort = ("customer_id", false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var descending = trimmed.StartsWith('-');
        var key = (descending ? trimmed[1..] : trimmed).ToLowerInvariant();
        sort = (key, descending);
        return Keys.Contains(key);
    }

    /// <summary>The statement parameters of this order and page.</summary>
    public static Dictionary<string, object?> Parameters(string? text, long offset, long limit)
    {
        if (!TryParse(text, out var sort))
        {
            throw new InvalidOperationException($"The sort '{text}' did not pass validation.");
        }

        return new Dictionary<string, object?>
        {
            ["sort"] = sort.Key,
            ["descending"] = sort.Descending ? 1 : 0,
            ["page_offset"] = offset,
            ["page_size"] = limit,
        };
    }
}
