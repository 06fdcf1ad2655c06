namespace CampaignDashboard.Domain.Figures;

/// <summary>How a categorical widget reports its rows: every category, in the order given, with zeros where empty.</summary>
public static class CategoryShares
{
    /// <summary>
    /// Each of <paramref name="categories"/> with its customers from <paramref name="customersByCategory"/> (0 when
    /// absent) and its share of all the customers counted there.
    /// </summary>
    public static IReadOnlyList<CategoryShare> Of(
        IEnumerable<(int Category, string Label)> categories, IReadOnlyCollection<(int Category, long Customers)> customersByCategory)
    {
        var total = customersByCategory.Sum(c => c.Customers);
        return categories
            .Select(c => new CategoryShare(
                c.Category, c.Label, customersByCategory.Where(count => count.Category == c.Category).Sum(count => count.Customers), total))
            .ToArray();
    }
}
