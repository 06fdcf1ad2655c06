namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>
/// The window and customer-filter parameters of a request (contract section 2) as the caller gave them, label lists
/// already split. Every query that selects customers derives from it, so that one validator
/// (<see cref="FilterParametersValidator"/>) and one parser (<see cref="FilterParser"/>) serve them all.
/// </summary>
public abstract record FilterParameters
{
    public string? StartDate { get; init; }

    public string? EndDate { get; init; }

    public string? CustomerMobile { get; init; }

    public string? CustomerName { get; init; }

    public IReadOnlyList<string>? RValueBucket { get; init; }

    public IReadOnlyList<string>? FValueBucket { get; init; }

    public IReadOnlyList<string>? MValueBucket { get; init; }

    public IReadOnlyList<string>? RScore { get; init; }

    public IReadOnlyList<string>? FScore { get; init; }

    public IReadOnlyList<string>? MScore { get; init; }

    public IReadOnlyList<string>? Segment { get; init; }

    public string? SegmentScheme { get; init; }

    public string? ScoreMethod { get; init; }
}
