using CampaignDashboard.Application.Dashboard.Filters;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Contracts;

/// <summary>
/// The window and customer filters every customer-selecting endpoint takes (contract section 2). All are optional;
/// blank ones are ignored.
/// </summary>
public abstract class FilterQueryParameters
{
    /// <summary>First transaction date of the window, inclusive, as YYYY-MM-DD.</summary>
    [FromQuery(Name = FilterParameterNames.StartDate)]
    public string? StartDate { get; init; }

    /// <summary>Last transaction date of the window, inclusive, as YYYY-MM-DD; also the date recency is measured from.</summary>
    [FromQuery(Name = FilterParameterNames.EndDate)]
    public string? EndDate { get; init; }

    /// <summary>Only the customer whose stored mobile has these digits; spaces, '+', '-', '(' and ')' are ignored. 6 to 15 digits. With Dashboard:PhoneRegion, read as a phone number of that region: 07700 900123, +44 7700 900123 and 0044 7700 900123 find a customer stored as 07700 900123 or +44 7700 900123; a number impossible there is a 400.</summary>
    [FromQuery(Name = FilterParameterNames.CustomerMobile)]
    public string? CustomerMobile { get; init; }

    /// <summary>Only customers whose name contains this text, ignoring case; '%', '_' and '[' are literal. At most 100 characters.</summary>
    [FromQuery(Name = FilterParameterNames.CustomerName)]
    public string? CustomerName { get; init; }

    /// <summary>Recency buckets (labels of r_value_bucket_data: 1-200, 200-400, 400-600, 600-800, 800-1000, &gt;1000), comma-separated or repeated; ORed.</summary>
    [FromQuery(Name = FilterParameterNames.RValueBucket)]
    public string[]? RValueBucket { get; init; }

    /// <summary>Visit buckets (labels of visits_data: 1 to 9, 10+; encode '+' as %2B), comma-separated or repeated; ORed.</summary>
    [FromQuery(Name = FilterParameterNames.FValueBucket)]
    public string[]? FValueBucket { get; init; }

    /// <summary>Spend buckets (labels of value_data: 1-1000, 1000-2000, 2000-3000, 3000-4000, 4000-5000, &gt;5000), comma-separated or repeated; ORed.</summary>
    [FromQuery(Name = FilterParameterNames.MValueBucket)]
    public string[]? MValueBucket { get; init; }

    /// <summary>R scores (1 to 5, 5 = most recent), comma-separated or repeated; ORed. Scores are those over every customer of the window.</summary>
    [FromQuery(Name = FilterParameterNames.RScore)]
    public string[]? RScore { get; init; }

    /// <summary>F scores (1 to 5, 5 = most visits), comma-separated or repeated; ORed.</summary>
    [FromQuery(Name = FilterParameterNames.FScore)]
    public string[]? FScore { get; init; }

    /// <summary>M scores (1 to 5, 5 = highest spend), comma-separated or repeated; ORed.</summary>
    [FromQuery(Name = FilterParameterNames.MScore)]
    public string[]? MScore { get; init; }

    /// <summary>Segments (labels of segment_data in the segment scheme in use), comma-separated or repeated; ORed.</summary>
    [FromQuery(Name = FilterParameterNames.Segment)]
    public string[]? Segment { get; init; }

    /// <summary>The segment scheme (GET /api/campaign/segment-schemes lists them: contract, rfm10, rfm11 and the configured ones); default Segmentation:DefaultScheme.</summary>
    [FromQuery(Name = FilterParameterNames.SegmentScheme)]
    public string? SegmentScheme { get; init; }

    /// <summary>How scores are cut: ntile (NTILE(5), equal values split by customer id) or ties (equal values share a score); default Scoring:DefaultMethod.</summary>
    [FromQuery(Name = FilterParameterNames.ScoreMethod)]
    public string? ScoreMethod { get; init; }

    /// <summary>These filters on a query of the application.</summary>
    protected TQuery WithFilters<TQuery>(TQuery query)
        where TQuery : FilterParameters => query with
    {
        StartDate = StartDate,
        EndDate = EndDate,
        CustomerMobile = CustomerMobile,
        CustomerName = CustomerName,
        RValueBucket = Labels(RValueBucket),
        FValueBucket = Labels(FValueBucket),
        MValueBucket = Labels(MValueBucket),
        RScore = Labels(RScore),
        FScore = Labels(FScore),
        MScore = Labels(MScore),
        Segment = Labels(Segment),
        SegmentScheme = SegmentScheme,
        ScoreMethod = ScoreMethod,
    };

    // "a,b" and "a&...=b" mean the same: split every value on commas. Empty values bind as null.
    private static string[] Labels(string?[]? values) =>
        (values ?? []).OfType<string>().SelectMany(v => v.Split(',')).ToArray();
}
