using System.Text.RegularExpressions;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Customers;
using CampaignDashboard.Domain.FiscalYears;
using CampaignDashboard.Domain.Rfm;
using Dapper;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Every value the dashboard's SQL may use, by parameter name. A statement is given exactly the parameters
/// its text names, so a script can neither miss a value nor receive one it does not use.
/// </summary>
public static partial class DashboardSqlParameters
{
    public static IReadOnlyDictionary<string, object?> For(DashboardFilter filter, DateOnly? asOfDate, FiscalCalendar calendar)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["start_date"] = filter.StartDate,
            ["end_date"] = filter.EndDate,
            ["as_of_date"] = asOfDate,
            ["as_of_fiscal_year"] = asOfDate is { } date ? calendar.FiscalYearOf(date) : null,
            // A mobile filter matches one or two digit strings (with a phone region: international and national);
            // a single one is given twice.
            ["mobile_digits_1"] = filter.MobileDigits.FirstOrDefault(),
            ["mobile_digits_2"] = filter.MobileDigits.LastOrDefault(),
            ["mobile_ignored_characters"] = MobileNumber.IgnoredCharacters,
            ["name_contains"] = filter.NameContains,
            ["recency_mask"] = Mask(filter.RecencyBuckets),
            ["visits_mask"] = Mask(filter.VisitBuckets),
            ["spend_mask"] = Mask(filter.SpendBuckets),
            ["fiscal_year_start_month"] = calendar.StartMonth,
            ["rfm_cells"] = CellMask(filter),
            ["score_method"] = filter.ScoreMethod.Name(),
        };
        AddUpperBounds(values, "recency_upper", BucketFamilies.Recency, bound => (int)bound);
        AddUpperBounds(values, "visits_upper", BucketFamilies.Visits, bound => (int)bound);
        AddUpperBounds(values, "spend_upper", BucketFamilies.Spend, bound => bound);
        AddUpperBounds(values, "return_upper", BucketFamilies.ReturnPeriod, bound => (int)bound);
        return values;
    }

    /// <summary>The parameter names a SQL text refers to, e.g. "start_date" for $start_date or @start_date.</summary>
    public static IReadOnlySet<string> NamesIn(string sql, char prefix) =>
        ParameterPattern().Matches(sql)
            .Where(m => m.Groups["prefix"].Value[0] == prefix)
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Dapper parameters holding exactly the values <paramref name="sql"/> names.</summary>
    public static DynamicParameters Bind(string sql, char prefix, IReadOnlyDictionary<string, object?> values) =>
        new(Select(sql, prefix, values));

    /// <summary>Exactly the values <paramref name="sql"/> names; a name without a value is a defect of the script.</summary>
    public static IReadOnlyDictionary<string, object?> Select(string sql, char prefix, IReadOnlyDictionary<string, object?> values) =>
        NamesIn(sql, prefix).ToDictionary(
            name => name,
            name => values.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"The dashboard SQL uses {prefix}{name}, which no filter value provides."),
            StringComparer.Ordinal);

    /// <summary>
    /// The (R, F, M) cells the score and segment filters keep, as 125 characters '1' (kept) or '0', the cell
    /// (r, f, m) at position (r - 1) * 25 + (f - 1) * 5 + m; null without such filters. Segment rules stay in C#.
    /// </summary>
    private static string? CellMask(DashboardFilter filter) => filter.FiltersCells ? RfmScores.CellMask(filter.SelectsCell) : null;

    private static int Mask(IEnumerable<Bucket> buckets) => buckets.Aggregate(0, (mask, bucket) => mask | (1 << bucket.Index));

    private static void AddUpperBounds(
        Dictionary<string, object?> values, string prefix, BucketFamily family, Func<decimal, object> asSqlValue)
    {
        for (var i = 0; i < family.UpperBounds.Count; i++)
        {
            values[$"{prefix}_{i + 1}"] = asSqlValue(family.UpperBounds[i]);
        }
    }

    // A parameter is $name or @name not preceded by a word character or another prefix (so @@ROWCOUNT is not one).
    [GeneratedRegex(@"(?<![\w$@])(?<prefix>[$@])(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();
}
