using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The query string of GET /api/campaign/dashboard. All parameters are optional; blank ones are ignored.</summary>
public sealed class DashboardQueryParameters
{
    /// <summary>First transaction date of the window, inclusive, as YYYY-MM-DD.</summary>
    [FromQuery(Name = FilterParameterNames.StartDate)]
    public string? StartDate { get; init; }

    /// <summary>Last transaction date of the window, inclusive, as YYYY-MM-DD; also the date recency is measured from.</summary>
    [FromQuery(Name = FilterParameterNames.EndDate)]
    public string? EndDate { get; init; }

    /// <summary>Only the customer whose stored mobile has these digits; spaces, '+', '-', '(' and ')' are ignored. 6 to 15 digits.</summary>
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

    public GetDashboardQuery ToQuery() => new()
    {
        StartDate = StartDate,
        EndDate = EndDate,
        CustomerMobile = CustomerMobile,
        CustomerName = CustomerName,
        RValueBucket = Labels(RValueBucket),
        FValueBucket = Labels(FValueBucket),
        MValueBucket = Labels(MValueBucket),
    };

    // "a,b" and "a&...=b" mean the same: split every value on commas. Empty values bind as null.
    private static string[] Labels(string?[]? values) =>
        (values ?? []).OfType<string>().SelectMany(v => v.Split(',')).ToArray();
}
