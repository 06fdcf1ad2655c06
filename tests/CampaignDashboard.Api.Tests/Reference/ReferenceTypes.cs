using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CampaignDashboard.Api.Tests.Reference;

/// <summary>One row of the logical <c>customers</c> relation (spec section 1).</summary>
public sealed record RefCustomer(long CustomerId, string? CustomerName, string? Mobile, DateOnly? RegistrationDate);

/// <summary>One row of the logical <c>transactions</c> relation (spec section 1).</summary>
public sealed record RefTransaction(long TransactionId, long CustomerId, DateOnly TransactionDate, decimal Amount, int Quantity, decimal? Profit);

/// <summary>The whole data set a dashboard is computed over.</summary>
public sealed record RefDataset(IReadOnlyList<RefCustomer> Customers, IReadOnlyList<RefTransaction> Transactions);

/// <summary>The query parameters of <c>GET /api/campaign/dashboard</c> (spec section 2).</summary>
public sealed record RefRequest(DateOnly? StartDate, DateOnly? EndDate, string? CustomerMobile, string? CustomerName,
    IReadOnlyList<string> RValueBuckets, IReadOnlyList<string> FValueBuckets, IReadOnlyList<string> MValueBuckets)
{
    public static RefRequest None { get; } = new(null, null, null, null, [], [], []);

    /// <summary>r_score values (spec section 2: 1..5).</summary>
    public IReadOnlyList<string> RScores { get; init; } = [];

    /// <summary>f_score values.</summary>
    public IReadOnlyList<string> FScores { get; init; } = [];

    /// <summary>m_score values.</summary>
    public IReadOnlyList<string> MScores { get; init; } = [];

    /// <summary>segment labels.</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>segment_scheme (spec section 7); null = the default, contract.</summary>
    public string? SegmentScheme { get; init; }

    /// <summary>score_method: ntile or ties (spec step 4); null = ntile.</summary>
    public string? ScoreMethod { get; init; }

    /// <summary>
    /// Dashboard:PhoneRegion of the API the request is sent to (spec section 2, "Mobile numbers"); server configuration,
    /// not part of the query string. Null = none: mobiles match by their digits.
    /// </summary>
    public string? PhoneRegion { get; init; }

    /// <summary>compare_start_date and compare_end_date (spec section 9): both or neither.</summary>
    public (DateOnly Start, DateOnly End)? Compare { get; init; }

    /// <summary>
    /// Query string for the dashboard endpoint: "" when no parameter is set, otherwise "?a=b&amp;c=d".
    /// Every value is escaped with <see cref="Uri.EscapeDataString(string)"/> so '+' cannot be read as a space.
    /// </summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, "start_date", FormatDate(StartDate));
        Add(parts, "end_date", FormatDate(EndDate));
        Add(parts, "customer_mobile", CustomerMobile);
        Add(parts, "customer_name", CustomerName);
        Add(parts, "r_value_bucket", JoinLabels(RValueBuckets));
        Add(parts, "f_value_bucket", JoinLabels(FValueBuckets));
        Add(parts, "m_value_bucket", JoinLabels(MValueBuckets));
        Add(parts, "r_score", JoinLabels(RScores));
        Add(parts, "f_score", JoinLabels(FScores));
        Add(parts, "m_score", JoinLabels(MScores));
        Add(parts, "segment", JoinLabels(Segments));
        Add(parts, "segment_scheme", SegmentScheme);
        Add(parts, "score_method", ScoreMethod);
        Add(parts, "compare_start_date", FormatDate(Compare?.Start));
        Add(parts, "compare_end_date", FormatDate(Compare?.End));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public override string ToString()
    {
        var text = new StringBuilder("RefRequest {");
        var any = false;
        void Append(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            text.Append(any ? ", " : " ").Append(name).Append(" = ").Append(value);
            any = true;
        }
        Append("start_date", FormatDate(StartDate));
        Append("end_date", FormatDate(EndDate));
        Append("customer_mobile", Quote(CustomerMobile));
        Append("customer_name", Quote(CustomerName));
        Append("r_value_bucket", QuoteLabels(RValueBuckets));
        Append("f_value_bucket", QuoteLabels(FValueBuckets));
        Append("m_value_bucket", QuoteLabels(MValueBuckets));
        Append("r_score", QuoteLabels(RScores));
        Append("f_score", QuoteLabels(FScores));
        Append("m_score", QuoteLabels(MScores));
        Append("segment", QuoteLabels(Segments));
        Append("segment_scheme", SegmentScheme);
        Append("score_method", ScoreMethod);
        Append("compare_start_date", FormatDate(Compare?.Start));
        Append("compare_end_date", FormatDate(Compare?.End));
        text.Append(any ? " }" : "none }");
        return text.ToString();
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    private static string? FormatDate(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? JoinLabels(IReadOnlyList<string> labels) =>
        labels.Count == 0 ? null : string.Join(",", labels);

    private static string? Quote(string? value) => value is null ? null : "\"" + value + "\"";

    private static string? QuoteLabels(IReadOnlyList<string> labels) =>
        labels.Count == 0 ? null : "[" + string.Join(", ", labels.Select(label => "\"" + label + "\"")) + "]";
}

/// <summary>The query parameters of <c>GET /api/campaign/segment-migration</c> (spec section 9).</summary>
public sealed record RefMigration(DateOnly FromDate, DateOnly ToDate, int? WindowDays = null, string? SegmentScheme = null,
    string? ScoreMethod = null, string? CustomerMobile = null, string? CustomerName = null)
{
    public string ToQueryString()
    {
        var parts = new List<string>
        {
            "from_date=" + FromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "to_date=" + ToDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("window_days", WindowDays?.ToString(CultureInfo.InvariantCulture));
        Add("segment_scheme", SegmentScheme);
        Add("score_method", ScoreMethod);
        Add("customer_mobile", CustomerMobile);
        Add("customer_name", CustomerName);
        return "?" + string.Join("&", parts);
    }
}
