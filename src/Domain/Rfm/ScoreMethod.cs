namespace CampaignDashboard.Domain.Rfm;

/// <summary>How scores are cut from the population (contract section 3, step 4).</summary>
public enum ScoreMethod
{
    /// <summary>NTILE(5) over (value, customer id): equal values may get different scores, by customer id.</summary>
    Ntile,

    /// <summary>NTILE's four cut rows, but equal values always share a score: 1 + the cuts strictly below the value.</summary>
    Ties,
}

/// <summary>The request names of the score methods.</summary>
public static class ScoreMethods
{
    public static IReadOnlyList<string> Names { get; } = ["ntile", "ties"];

    public static string Name(this ScoreMethod method) => method switch
    {
        ScoreMethod.Ntile => "ntile",
        ScoreMethod.Ties => "ties",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>A method by its name, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? text, out ScoreMethod method)
    {
        method = ScoreMethod.Ntile;
        var name = text?.Trim();
        foreach (var candidate in Enum.GetValues<ScoreMethod>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }

        return false;
    }
}
