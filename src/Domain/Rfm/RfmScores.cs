namespace CampaignDashboard.Domain.Rfm;

/// <summary>
/// RFM scores are quintiles: 1 (worst) to 5 (best), assigned by NTILE(5) over the whole population
/// of the window. This type holds their range and the labels the dashboard shows.
/// </summary>
public static class RfmScores
{
    public const int Lowest = 1;
    public const int Highest = 5;
    public const int TileCount = Highest - Lowest + 1;

    /// <summary>Scores in the order the score widgets list them: 5 first.</summary>
    public static IReadOnlyList<int> Descending { get; } = [5, 4, 3, 2, 1];

    private static readonly Dictionary<RfmDimension, string[]> LabelsByDimension =
        new Dictionary<RfmDimension, string[]>
        {
            // Index 0 is score 1.
            [RfmDimension.Recency] =
                ["Bought Longest Ago", "Bought Long Ago", "Bought Some Time Ago", "Bought Recently", "Bought Most Recently"],
            [RfmDimension.Frequency] =
                ["Most Rarest Visit", "Rare Visit", "Regular Visit", "More Frequent Visit", "Most Frequent Visit"],
            [RfmDimension.Monetary] =
                ["Lowest Spend", "Low Spend", "Medium Spend", "High Spend", "Highest Spend"],
        };

    /// <summary>A score written as a request gives it ("3", " 5 "); anything but 1..5 is not one.</summary>
    public static bool TryParse(string text, out int score) =>
        int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out score)
        && score is >= Lowest and <= Highest;

    /// <summary>The 125 (R, F, M) cells, R first, each score ascending.</summary>
    public static IEnumerable<(int R, int F, int M)> Cells =>
        from r in Enumerable.Range(Lowest, TileCount)
        from f in Enumerable.Range(Lowest, TileCount)
        from m in Enumerable.Range(Lowest, TileCount)
        select (r, f, m);

    /// <summary>
    /// A set of cells as engines read it: 125 characters, '1' where <paramref name="keep"/> holds, the cell (r, f, m) at
    /// position (r - 1) * 25 + (f - 1) * 5 + m (1-based).
    /// </summary>
    public static string CellMask(Func<int, int, int, bool> keep) => string.Concat(Cells.Select(c => keep(c.R, c.F, c.M) ? '1' : '0'));

    public static string Label(RfmDimension dimension, int score)
    {
        if (score is < Lowest or > Highest)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"An RFM score is {Lowest} to {Highest}.");
        }

        return LabelsByDimension[dimension][score - Lowest];
    }
}
