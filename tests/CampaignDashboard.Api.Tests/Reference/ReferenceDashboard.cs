using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.Api.Tests.Reference;

/// <summary>
/// Test oracle for GET /api/campaign/dashboard, written directly from /work/shared/spec/dashboard.md
/// (section 3, step by step) with plain LINQ over in-memory lists. Deliberately naive: it must not share
/// code or shortcuts with the production SQL.
/// </summary>
public static partial class ReferenceDashboard
{
    // ---- Category tables, copied from spec section 4 (order matters: widgets list them in this order). ----

    private static readonly string[] RScoreLabels =
        ["Bought Longest Ago", "Bought Long Ago", "Bought Some Time Ago", "Bought Recently", "Bought Most Recently"];

    private static readonly string[] FScoreLabels =
        ["Most Rarest Visit", "Rare Visit", "Regular Visit", "More Frequent Visit", "Most Frequent Visit"];

    private static readonly string[] MScoreLabels =
        ["Lowest Spend", "Low Spend", "Medium Spend", "High Spend", "Highest Spend"];

    private static readonly string[] RecencyLabels = ["1-200", "200-400", "400-600", "600-800", "800-1000", ">1000"];

    private static readonly string[] VisitsLabels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"];

    private static readonly string[] ValueLabels =
        ["1-1000", "1000-2000", "2000-3000", "3000-4000", "4000-5000", ">5000"];

    private static readonly string[] ReturnLabels =
        ["<1 Month", "1-2 Month", "2-3 Month", "3-6 Month", "6-12 Month", "1-2 Yr", ">2 Yr"];

    // ---- Segment schemes, copied from spec section 7: (label, rule); a rule is R/F/M ranges, a cell list, or null = fallback.

    private sealed record SchemeSegment(string Label, (int Lo, int Hi)[]? Ranges, string[]? Cells)
    {
        public bool Admits(int r, int f, int m) =>
            Ranges is { } ranges
                ? r >= ranges[0].Lo && r <= ranges[0].Hi && f >= ranges[1].Lo && f <= ranges[1].Hi && m >= ranges[2].Lo && m <= ranges[2].Hi
                : Cells is { } cells ? cells.Contains($"{r}{f}{m}") : true;
    }

    private static SchemeSegment Ranged(string label, int rLo, int rHi, int fLo, int fHi, int mLo, int mHi) =>
        new(label, [(rLo, rHi), (fLo, fHi), (mLo, mHi)], null);

    private static SchemeSegment Listed(string label, string cells) => new(label, null, cells.Split(", "));

    private static readonly Dictionary<string, SchemeSegment[]> Schemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["contract"] =
        [
            Ranged("CHAMPIONS", 3, 5, 3, 5, 3, 5), Ranged("POTENTIAL LOYALISTS", 2, 5, 2, 5, 1, 5),
            Ranged("NEW CUSTOMERS", 4, 5, 1, 5, 1, 5), new("NEED ATTENTION", null, null),
        ],
        ["rfm10"] =
        [
            Ranged("Champions", 5, 5, 5, 5, 5, 5), Ranged("Potential Loyalist", 3, 5, 3, 5, 2, 5),
            Ranged("Loyal Customers", 2, 4, 2, 4, 2, 4), Ranged("Promising", 3, 4, 1, 3, 3, 5),
            Ranged("New Customers", 4, 5, 1, 3, 1, 5), Ranged("Can't Lose Them", 1, 2, 3, 4, 4, 5),
            Ranged("At Risk", 1, 2, 2, 5, 4, 5), Ranged("Need Attention", 1, 3, 3, 5, 3, 5),
            Ranged("About To Sleep", 2, 3, 1, 3, 1, 4), Ranged("Lost", 1, 1, 1, 5, 1, 5), new("Others", null, null),
        ],
        ["rfm11"] =
        [
            Listed("Champions", "555, 554, 544, 545, 454, 455, 445"),
            Listed("Loyal", "543, 444, 435, 355, 354, 345, 344, 335"),
            Listed("Potential Loyalist", "553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342, 341, 333, 323"),
            Listed("New Customers", "512, 511, 422, 421, 412, 411, 311"),
            Listed("Promising", "525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313"),
            Listed("Need Attention", "535, 534, 443, 434, 343, 334, 325, 324"),
            Listed("About To Sleep", "331, 321, 312, 221, 213"),
            Listed("At Risk", "255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125, 124"),
            Listed("Can't Lose Them", "155, 154, 144, 214, 215, 115, 114, 113"),
            Listed("Hibernating", "332, 322, 231, 241, 251, 233, 232, 223, 222, 132, 123, 122, 212, 211"),
            Listed("Lost", "111, 112, 121, 131, 141, 151"),
        ],
    };

    /// <summary>The names of the built-in schemes (spec section 7).</summary>
    internal static IReadOnlyList<string> SchemeNames => [.. Schemes.Keys];

    /// <summary>The labels of a scheme, in its order.</summary>
    internal static IReadOnlyList<string> SchemeLabels(string? scheme) => [.. SchemeOf(scheme).Select(s => s.Label)];

    private static SchemeSegment[] SchemeOf(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Schemes["contract"] : Schemes[name.Trim()];

    private static string SchemeName(string? name) => string.IsNullOrWhiteSpace(name) ? "contract" : Schemes.Keys.First(k => k.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>First rule that holds wins (spec section 7).</summary>
    private static string SegmentOf(SchemeSegment[] scheme, CustomerFacts c) => scheme.First(s => s.Admits(c.R, c.F, c.M)).Label;

    /// <summary>The labels accepted by the r_value_bucket filter (those of r_value_bucket_data).</summary>
    internal static IReadOnlyList<string> RValueBucketLabels => RecencyLabels;

    /// <summary>The labels accepted by the f_value_bucket filter (those of visits_data).</summary>
    internal static IReadOnlyList<string> FValueBucketLabels => VisitsLabels;

    /// <summary>The labels accepted by the m_value_bucket filter (those of value_data).</summary>
    internal static IReadOnlyList<string> MValueBucketLabels => ValueLabels;



    /// <summary>Per-customer figures of spec section 3, step 3, plus the scores of step 4.</summary>
    private sealed class CustomerFacts
    {
        public long CustomerId { get; init; }
        public string? Name { get; init; }
        public string? Mobile { get; init; }
        public DateOnly? RegistrationDate { get; init; }
        public int Visits { get; init; }
        public int Bills { get; init; }
        public long Units { get; init; }
        public decimal Spend { get; init; }
        public decimal Profit { get; init; }
        public DateOnly First { get; init; }
        public DateOnly Last { get; init; }
        public int Recency { get; init; }
        public int R { get; set; }
        public int F { get; set; }
        public int M { get; set; }
    }

    /// <summary>Steps 1-5 of spec section 3: the as-of date, the window's transactions, and the selection S in id order.</summary>
    private static (DateOnly? AsOf, List<RefTransaction> Window, List<CustomerFacts> Selection) Evaluate(RefDataset data, RefRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (request.StartDate is { } s && request.EndDate is { } e && s > e)
        {
            throw new ArgumentException("start_date is after end_date; such a request is a 400, not a dashboard.");
        }

        // Bucket filters are validated before anything else so an invalid request never yields numbers.
        var rFilter = ResolveLabels(request.RValueBuckets, RecencyLabels, "r_value_bucket");
        var fFilter = ResolveLabels(request.FValueBuckets, VisitsLabels, "f_value_bucket");
        var mFilter = ResolveLabels(request.MValueBuckets, ValueLabels, "m_value_bucket");
        var scheme = SchemeOf(request.SegmentScheme);
        var segmentFilter = ResolveLabels(request.Segments, [.. scheme.Select(x => x.Label)], "segment");
        var rScoreFilter = ResolveScores(request.RScores, "r_score");
        var fScoreFilter = ResolveScores(request.FScores, "f_score");
        var mScoreFilter = ResolveScores(request.MScores, "m_score");

        // Step 1: window W.
        var window = data.Transactions
            .Where(t => request.StartDate is null || t.TransactionDate >= request.StartDate.Value)
            .Where(t => request.EndDate is null || t.TransactionDate <= request.EndDate.Value)
            .ToList();

        // Step 2: as-of date A (end_date even if nothing falls in the window; else latest date overall).
        DateOnly? asOf = request.EndDate;
        if (asOf is null && data.Transactions.Count > 0)
        {
            asOf = data.Transactions.Max(t => t.TransactionDate);
        }

        // Step 3: population P = customers with at least one transaction in W.
        var customersById = data.Customers.ToDictionary(c => c.CustomerId);
        var population = new List<CustomerFacts>();
        foreach (var group in window.GroupBy(t => t.CustomerId))
        {
            customersById.TryGetValue(group.Key, out var customer);
            var first = group.Min(t => t.TransactionDate);
            var last = group.Max(t => t.TransactionDate);
            population.Add(new CustomerFacts
            {
                CustomerId = group.Key,
                Name = customer?.CustomerName,
                Mobile = customer?.Mobile,
                RegistrationDate = customer?.RegistrationDate,
                Visits = group.Select(t => t.TransactionDate).Distinct().Count(),
                Bills = group.Count(),
                Units = group.Sum(t => (long)t.Quantity),
                Spend = group.Sum(t => t.Amount),
                Profit = group.Sum(t => t.Profit ?? 0m),
                First = first,
                Last = last,
                // P non-empty implies a transaction exists, so A is not null here.
                Recency = asOf!.Value.DayNumber - last.DayNumber,
            });
        }

        // Step 4: scores over the whole of P, before the customer filters.
        var rOrder = population.OrderByDescending(c => c.Recency).ThenBy(c => c.CustomerId).ToList();
        var rTiles = Ntile5(rOrder.Count);
        for (var i = 0; i < rOrder.Count; i++)
        {
            rOrder[i].R = rTiles[i];
        }
        var fOrder = population.OrderBy(c => c.Visits).ThenBy(c => c.CustomerId).ToList();
        var fTiles = Ntile5(fOrder.Count);
        for (var i = 0; i < fOrder.Count; i++)
        {
            fOrder[i].F = fTiles[i];
        }
        var mOrder = population.OrderBy(c => c.Spend).ThenBy(c => c.CustomerId).ToList();
        var mTiles = Ntile5(mOrder.Count);
        for (var i = 0; i < mOrder.Count; i++)
        {
            mOrder[i].M = mTiles[i];
        }

        // score_method=ties (step 4): the same cut rows (the last row of tiles 1..4, ranks k*floor(n/5)+min(k, n mod 5)),
        // and a customer's score is 1 + the number of cut rows whose value is strictly below its own.
        if (IsTies(request.ScoreMethod) && population.Count > 0)
        {
            var n = population.Count;
            var cutRanks = Enumerable.Range(1, 4).Select(k => k * (n / 5) + Math.Min(k, n % 5)).ToArray();
            var rCuts = cutRanks.Select(rank => rOrder[rank - 1].Last).ToArray();
            var fCuts = cutRanks.Select(rank => fOrder[rank - 1].Visits).ToArray();
            var mCuts = cutRanks.Select(rank => mOrder[rank - 1].Spend).ToArray();
            foreach (var c in population)
            {
                c.R = 1 + rCuts.Count(cut => cut < c.Last);
                c.F = 1 + fCuts.Count(cut => cut < c.Visits);
                c.M = 1 + mCuts.Count(cut => cut < c.Spend);
            }
        }

        // Step 5: selection S.
        var hasMobileFilter = !string.IsNullOrEmpty(request.CustomerMobile);
        var wantedMobiles = hasMobileFilter ? WantedMobiles(request.CustomerMobile!, request.PhoneRegion) : [];
        // Spec section 2: a case-insensitive substring of customer_name, after trimming the value.
        var hasNameFilter = !string.IsNullOrWhiteSpace(request.CustomerName);
        var wantedName = hasNameFilter ? request.CustomerName!.Trim().ToLowerInvariant() : "";

        var selection = population
            .Where(c => !hasMobileFilter || (c.Mobile is not null && wantedMobiles.Contains(StripMobile(c.Mobile))))
            .Where(c => !hasNameFilter
                        || (c.Name is not null && c.Name.ToLowerInvariant().Contains(wantedName, StringComparison.Ordinal)))
            .Where(c => rFilter is null || rFilter.Contains(RecencyLabel(c.Recency)))
            .Where(c => fFilter is null || fFilter.Contains(VisitsLabel(c.Visits)))
            .Where(c => mFilter is null || mFilter.Contains(ValueLabel(c.Spend)))
            .Where(c => rScoreFilter is null || rScoreFilter.Contains(c.R))
            .Where(c => fScoreFilter is null || fScoreFilter.Contains(c.F))
            .Where(c => mScoreFilter is null || mScoreFilter.Contains(c.M))
            .Where(c => segmentFilter is null || segmentFilter.Contains(SegmentOf(scheme, c)))
            .OrderBy(c => c.CustomerId)
            .ToList();
        return (asOf, window, selection);
    }

    public static JsonObject Compute(RefDataset data, RefRequest request, int fiscalYearStartMonth = 4)
    {
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(fiscalYearStartMonth), "The start month must be 1..12.");
        }

        var (asOf, window, selection) = Evaluate(data, request);
        var selectedIds = selection.Select(c => c.CustomerId).ToHashSet();
        var selectedTransactions = window.Where(t => selectedIds.Contains(t.CustomerId)).ToList();

        // Step 6: widgets over S.
        var total = selection.Count;
        var returning = selection.Where(c => c.Visits >= 2).ToList();

        var result = new JsonObject
        {
            ["kpi"] = Kpi(selection, returning),
            ["r_score_data"] = ScoreWidget(selection, c => c.R, RScoreLabels),
            ["f_score_data"] = ScoreWidget(selection, c => c.F, FScoreLabels),
            ["m_score_data"] = ScoreWidget(selection, c => c.M, MScoreLabels),
            ["r_value_bucket_data"] = BucketWidget(RecencyLabels, selection.Select(c => RecencyLabel(c.Recency)).ToList(), total),
            ["visits_data"] = BucketWidget(VisitsLabels, selection.Select(c => VisitsLabel(c.Visits)).ToList(), total),
            ["value_data"] = BucketWidget(ValueLabels, selection.Select(c => ValueLabel(c.Spend)).ToList(), total),
            ["days_to_return_bucket_data"] =
                BucketWidget(ReturnLabels, returning.Select(ReturnLabel).ToList(), returning.Count),
            ["segment_data"] = SegmentWidget(selection, SchemeOf(request.SegmentScheme)),
            ["rf_grid_data"] = RfGridWidget(selection),
            ["fiscal_year_data"] = FiscalYearWidget(data, selection, selectedTransactions, fiscalYearStartMonth),
            ["prediction"] = PredictionBlock(data, asOf, selection, SchemeOf(request.SegmentScheme)),
            ["meta"] = new JsonObject
            {
                ["as_of_date"] = DateText(asOf),
                ["segment_scheme"] = SchemeName(request.SegmentScheme),
                ["score_method"] = IsTies(request.ScoreMethod) ? "ties" : "ntile",
                ["currency"] = "GBP",
                ["first_date"] = DateText(data.Transactions.Select(t => (DateOnly?)t.TransactionDate).Min()),
                ["last_date"] = DateText(data.Transactions.Select(t => (DateOnly?)t.TransactionDate).Max()),
                ["has_profit"] = data.Transactions.Any(t => t.Profit is { } profit && profit != 0m),
                ["fiscal_year_start_month"] = fiscalYearStartMonth,
            },
        };
        // Spec section 9: the compare window computed exactly as the main one (its own population, scores and
        // as-of date = compare_end_date), and per KPI the main window's rounded value minus the compare window's.
        if (request.Compare is { } compare)
        {
            var other = Compute(data, request with { StartDate = compare.Start, EndDate = compare.End, Compare = null }, fiscalYearStartMonth);
            var kpi = result["kpi"]!.AsObject();
            var otherKpi = other["kpi"]!.AsObject();
            result["comparison"] = new JsonObject
            {
                ["window"] = new JsonObject
                {
                    ["start_date"] = compare.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["end_date"] = compare.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
                ["kpi"] = otherKpi.DeepClone(),
                ["segment_data"] = other["segment_data"]!.DeepClone(),
                ["kpi_change"] = new JsonObject(kpi.Select(p => KeyValuePair.Create(
                    p.Key, (JsonNode?)JsonValue.Create(Number(p.Value!) - Number(otherKpi[p.Key]!))))),
            };
        }

        return result;
    }

    /// <summary>A number of a JsonObject built here (an int count or a decimal figure).</summary>
    private static decimal Number(JsonNode node) => node.AsValue().TryGetValue<int>(out var count) ? count : node.GetValue<decimal>();

    /// <summary>
    /// NTILE(5) as in the SQL standard: tile sizes n/5, with the first n mod 5 tiles one row larger.
    /// With fewer than 5 rows every row gets its own tile, 1..n.
    /// </summary>
    private static int[] Ntile5(int rowCount)
    {
        var tiles = new int[rowCount];
        var baseSize = rowCount / 5;
        var remainder = rowCount % 5;
        var row = 0;
        for (var tile = 1; tile <= 5; tile++)
        {
            var size = baseSize + (tile <= remainder ? 1 : 0);
            for (var k = 0; k < size; k++)
            {
                tiles[row] = tile;
                row++;
            }
        }
        return tiles;
    }

    /// <summary>Canonical labels selected by a bucket filter, or null when the filter is not given.</summary>
    private static HashSet<string>? ResolveLabels(IReadOnlyList<string> given, string[] allowed, string field)
    {
        // "Empty parameters are ignored": blank entries do not make a filter.
        var nonBlank = given.Where(label => !string.IsNullOrWhiteSpace(label)).ToList();
        if (nonBlank.Count == 0)
        {
            return null;
        }
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in nonBlank)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, label.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"{field}: unknown label '{label}' (allowed: {string.Join(", ", allowed)}).");
            chosen.Add(match);
        }
        return chosen;
    }

    private static bool IsTies(string? method) => string.Equals(method?.Trim(), "ties", StringComparison.OrdinalIgnoreCase);

    /// <summary>The scores selected by a score filter (spec section 2: 1..5), or null when the filter is not given.</summary>
    private static HashSet<int>? ResolveScores(IReadOnlyList<string> given, string field)
    {
        var nonBlank = given.Where(value => !string.IsNullOrWhiteSpace(value)).ToList();
        if (nonBlank.Count == 0)
        {
            return null;
        }
        return nonBlank
            .Select(value => int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5
                ? score
                : throw new ArgumentException($"{field}: '{value}' is not a score 1..5."))
            .ToHashSet();
    }

    /// <summary>
    /// Spec section 6: every customer of S as a row of <c>GET /api/campaign/customers</c>, in the order of
    /// <paramref name="sort"/> (a key, '-' first for descending): ties by customer_id ascending, nulls last in both
    /// directions, names by the ordinal order of their lower-cased text. Prediction fields (section 10) are null
    /// without a prediction.
    /// </summary>
    public static IReadOnlyList<JsonObject> Customers(RefDataset data, RefRequest request, string sort = "-spend")
    {
        var (asOf, _, selection) = Evaluate(data, request);
        var forecasts = Predict(data, asOf).Forecasts;
        CustomerForecast? ForecastOf(CustomerFacts c) => forecasts.TryGetValue(c.CustomerId, out var f) ? f : null;
        var descending = sort.StartsWith('-');
        var key = descending ? sort[1..] : sort;
        Func<CustomerFacts, IComparable?> value = key switch
        {
            "spend" => c => c.Spend,
            "visits" => c => c.Visits,
            "recency_days" => c => c.Recency,
            "last_purchase" => c => c.Last,
            "profit" => c => c.Profit,
            "customer_id" => c => c.CustomerId,
            "customer_name" => c => c.Name?.ToLowerInvariant(),
            "r_score" => c => c.R,
            "f_score" => c => c.F,
            "m_score" => c => c.M,
            "p_alive" => c => ForecastOf(c)?.PAlive,
            "expected_visits" => c => ForecastOf(c)?.ExpectedVisits,
            "expected_spend" => c => ForecastOf(c)?.ExpectedSpend,
            "predicted_clv" => c => ForecastOf(c)?.PredictedClv,
            _ => throw new ArgumentException($"unknown sort key '{key}'"),
        };
        var ordered = selection.ToList();
        ordered.Sort((x, y) =>
        {
            var (a, b) = (value(x), value(y));
            var byValue = (a, b) switch
            {
                (null, null) => 0,
                (null, _) => 1, // nulls last, whichever the direction
                (_, null) => -1,
                _ when a is string sa && b is string sb => (descending ? -1 : 1) * string.CompareOrdinal(sa, sb),
                _ => (descending ? -1 : 1) * a.CompareTo(b),
            };
            return byValue != 0 ? byValue : x.CustomerId.CompareTo(y.CustomerId);
        });

        var acquiredFrom = data.Transactions.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.Min(t => t.TransactionDate));
        return ordered.Select(c => new JsonObject
        {
            ["customer_id"] = c.CustomerId,
            ["customer_name"] = c.Name,
            ["mobile"] = c.Mobile,
            ["r_score"] = c.R,
            ["f_score"] = c.F,
            ["m_score"] = c.M,
            ["segment"] = SegmentOf(SchemeOf(request.SegmentScheme), c),
            ["recency_days"] = c.Recency,
            ["visits"] = c.Visits,
            ["bills"] = c.Bills,
            ["units"] = c.Units,
            ["spend"] = Round(c.Spend),
            ["profit"] = Round(c.Profit),
            ["first_purchase"] = Day(c.First),
            ["last_purchase"] = Day(c.Last),
            ["acquired"] = Day(c.RegistrationDate ?? acquiredFrom[c.CustomerId]),
            ["p_alive"] = ForecastOf(c)?.PAlive,
            ["expected_visits"] = ForecastOf(c)?.ExpectedVisits,
            ["expected_spend"] = ForecastOf(c)?.ExpectedSpend,
            ["predicted_clv"] = ForecastOf(c)?.PredictedClv,
        }).ToList();

        static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // ---- Spec section 9: segment migration between two snapshots.

    /// <summary>A snapshot at date D: the customers with a transaction in (D - window_days, D] (or on or before D), scored with as-of D.</summary>
    private static Dictionary<long, CustomerFacts> Snapshot(RefDataset data, RefMigration migration, DateOnly date) =>
        Evaluate(data, RefRequest.None with
        {
            StartDate = migration.WindowDays is { } days ? date.AddDays(1 - days) : null,
            EndDate = date,
            CustomerMobile = migration.CustomerMobile,
            CustomerName = migration.CustomerName,
            SegmentScheme = migration.SegmentScheme,
            ScoreMethod = migration.ScoreMethod,
        }).Selection.ToDictionary(c => c.CustomerId);

    private const string NotActive = "NOT ACTIVE";

    /// <summary>Every customer in either snapshot with its label on each side (NOT ACTIVE where absent) and spend.</summary>
    private static List<(long Id, string From, string To, decimal SpendBefore, decimal SpendAfter, CustomerFacts? Before, CustomerFacts? After)> Flows(
        RefDataset data, RefMigration migration)
    {
        var scheme = SchemeOf(migration.SegmentScheme);
        var before = Snapshot(data, migration, migration.FromDate);
        var after = Snapshot(data, migration, migration.ToDate);
        return before.Keys.Union(after.Keys).Order().Select(id =>
        {
            before.TryGetValue(id, out var b);
            after.TryGetValue(id, out var a);
            return (id, b is null ? NotActive : SegmentOf(scheme, b), a is null ? NotActive : SegmentOf(scheme, a), b?.Spend ?? 0m, a?.Spend ?? 0m, b, a);
        }).ToList();
    }

    /// <summary>GET /api/campaign/segment-migration (spec section 9).</summary>
    public static JsonObject Migration(RefDataset data, RefMigration migration)
    {
        var labels = SchemeOf(migration.SegmentScheme).Select(s => s.Label).Append(NotActive).ToList();
        var flows = Flows(data, migration);
        var items = new JsonArray();
        foreach (var from in labels)
        {
            foreach (var to in labels)
            {
                var customers = flows.Count(f => f.From == from && f.To == to);
                if (customers > 0)
                {
                    items.Add(new JsonObject { ["from_segment"] = from, ["to_segment"] = to, ["customers"] = customers });
                }
            }
        }

        JsonArray Totals(Func<(long, string From, string To, decimal, decimal, CustomerFacts?, CustomerFacts?), string> side) =>
            new(labels.Select(label => (JsonNode)new JsonObject { ["label"] = label, ["customers"] = flows.Count(f => side(f) == label) }).ToArray());

        return new JsonObject
        {
            ["items"] = items,
            ["from_totals"] = Totals(f => f.From),
            ["to_totals"] = Totals(f => f.To),
            ["meta"] = MigrationMeta(migration),
        };
    }

    /// <summary>The customers of one flow (spec section 9), ordered by customer_id, spend_before, spend_after or last_purchase.</summary>
    public static IReadOnlyList<JsonObject> FlowCustomers(RefDataset data, RefMigration migration, string fromLabel, string toLabel, string sort = "customer_id")
    {
        var customers = data.Customers.ToDictionary(c => c.CustomerId);
        var rows = Flows(data, migration)
            .Where(f => f.From.Equals(fromLabel, StringComparison.OrdinalIgnoreCase) && f.To.Equals(toLabel, StringComparison.OrdinalIgnoreCase))
            .Select(f => (Flow: f, Last: data.Transactions.Where(t => t.CustomerId == f.Id && t.TransactionDate <= migration.ToDate).Max(t => (DateOnly?)t.TransactionDate)))
            .ToList();
        var descending = sort.StartsWith('-');
        Func<((long Id, string, string, decimal SpendBefore, decimal SpendAfter, CustomerFacts?, CustomerFacts?) Flow, DateOnly? Last), IComparable> key =
            (descending ? sort[1..] : sort) switch
            {
                "spend_before" => r => r.Flow.SpendBefore,
                "spend_after" => r => r.Flow.SpendAfter,
                "last_purchase" => r => r.Last ?? DateOnly.MinValue,
                _ => r => r.Flow.Id,
            };
        rows.Sort((x, y) =>
        {
            var byKey = (descending ? -1 : 1) * key(x).CompareTo(key(y));
            return byKey != 0 ? byKey : x.Flow.Id.CompareTo(y.Flow.Id);
        });
        return rows.Select(r =>
        {
            customers.TryGetValue(r.Flow.Id, out var c);
            return new JsonObject
            {
                ["customer_id"] = r.Flow.Id,
                ["customer_name"] = c?.CustomerName,
                ["mobile"] = c?.Mobile,
                ["from_segment"] = r.Flow.From,
                ["to_segment"] = r.Flow.To,
                ["last_purchase"] = r.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["spend_before"] = Round(r.Flow.SpendBefore),
                ["spend_after"] = Round(r.Flow.SpendAfter),
            };
        }).ToList();
    }

    /// <summary>A date as the API writes it, or null.</summary>
    private static JsonValue? DateText(DateOnly? date) =>
        date is { } day ? JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    internal static JsonObject MigrationMeta(RefMigration migration) => new()
    {
        ["from_date"] = migration.FromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to_date"] = migration.ToDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["window_days"] = migration.WindowDays,
        ["segment_scheme"] = SchemeName(migration.SegmentScheme),
    };

    /// <summary>
    /// Spec section 2, "Mobile numbers": without a region, the typed digits; with one, the number libphonenumber reads
    /// in that region, as its E.164 digits and as the digits of its national format (which carries the trunk prefix).
    /// </summary>
    private static HashSet<string> WantedMobiles(string typed, string? region)
    {
        if (region is null)
        {
            return [StripMobile(typed)];
        }

        var phones = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var number = phones.Parse(typed, region);
        var national = phones.Format(number, PhoneNumbers.PhoneNumberFormat.NATIONAL);
        return [phones.Format(number, PhoneNumbers.PhoneNumberFormat.E164).TrimStart('+'), new string(national.Where(char.IsAsciiDigit).ToArray())];
    }

    /// <summary>Mobile comparison ignores exactly these five characters on both sides.</summary>
    private static string StripMobile(string mobile) =>
        new(mobile.Where(ch => ch != ' ' && ch != '+' && ch != '-' && ch != '(' && ch != ')').ToArray());

    private static string RecencyLabel(int recency)
    {
        if (recency <= 200) return "1-200";
        if (recency <= 400) return "200-400";
        if (recency <= 600) return "400-600";
        if (recency <= 800) return "600-800";
        if (recency <= 1000) return "800-1000";
        return ">1000";
    }

    private static string VisitsLabel(int visits) =>
        visits >= 10 ? "10+" : visits.ToString(CultureInfo.InvariantCulture);

    private static string ValueLabel(decimal spend)
    {
        if (spend <= 1000m) return "1-1000";
        if (spend <= 2000m) return "1000-2000";
        if (spend <= 3000m) return "2000-3000";
        if (spend <= 4000m) return "3000-4000";
        if (spend <= 5000m) return "4000-5000";
        return ">5000";
    }

    /// <summary>
    /// Return-period bucket for a customer with visits >= 2. return_days = gap / k is compared against each
    /// bound b as gap &lt; b * k, so no division (and no floating point) is involved.
    /// </summary>
    private static string ReturnLabel(CustomerFacts c)
    {
        long gap = c.Last.DayNumber - c.First.DayNumber;
        long k = c.Visits - 1;
        if (gap < 30 * k) return "<1 Month";
        if (gap < 60 * k) return "1-2 Month";
        if (gap < 90 * k) return "2-3 Month";
        if (gap < 180 * k) return "3-6 Month";
        if (gap < 365 * k) return "6-12 Month";
        if (gap < 730 * k) return "1-2 Yr";
        return ">2 Yr";
    }

    private static JsonObject Kpi(List<CustomerFacts> selection, List<CustomerFacts> returning)
    {
        var total = selection.Count;
        long units = selection.Sum(c => c.Units);
        long bills = selection.Sum(c => (long)c.Bills);
        var profit = selection.Sum(c => c.Profit);
        var spend = selection.Sum(c => c.Spend);
        long gapDays = returning.Sum(c => (long)(c.Last.DayNumber - c.First.DayNumber));
        long gapCount = returning.Sum(c => (long)(c.Visits - 1));

        return new JsonObject
        {
            ["total_customer"] = total,
            ["unit_per_transaction"] = Round(bills == 0 ? 0m : (decimal)units / bills),
            ["profit_per_customer"] = Round(total == 0 ? 0m : profit / total),
            ["customer_spending"] = Round(spend),
            ["days_to_return"] = Round(gapCount == 0 ? 0m : (decimal)gapDays / gapCount),
            ["retention_rate"] = Percentage(returning.Count, total),
        };
    }

    private static JsonArray ScoreWidget(List<CustomerFacts> selection, Func<CustomerFacts, int> score, string[] labels)
    {
        var items = new JsonArray();
        for (var s = 5; s >= 1; s--)
        {
            var customers = selection.Count(c => score(c) == s);
            items.Add(new JsonObject
            {
                ["score"] = s,
                ["label"] = labels[s - 1],
                ["customers"] = customers,
                ["percentage"] = Percentage(customers, selection.Count),
            });
        }
        return items;
    }

    /// <summary>One item per label, in table order; <paramref name="total"/> is the widget's own total.</summary>
    private static JsonArray BucketWidget(string[] labels, List<string> bucketOfEachCustomer, int total)
    {
        var items = new JsonArray();
        foreach (var label in labels)
        {
            var customers = bucketOfEachCustomer.Count(b => b == label);
            items.Add(new JsonObject
            {
                ["label"] = label,
                ["customers"] = customers,
                ["percentage"] = Percentage(customers, total),
            });
        }
        return items;
    }

    private static JsonArray SegmentWidget(List<CustomerFacts> selection, SchemeSegment[] scheme)
    {
        var items = new JsonArray();
        foreach (var label in scheme.Select(s => s.Label))
        {
            var members = selection.Where(c => SegmentOf(scheme, c) == label).ToList();
            var spending = members.Sum(c => c.Spend);
            long bills = members.Sum(c => (long)c.Bills);
            items.Add(new JsonObject
            {
                ["label"] = label,
                ["customers"] = members.Count,
                ["percentage"] = Percentage(members.Count, selection.Count),
                ["spending"] = Round(spending),
                ["bills"] = bills,
                ["average_order_value"] = Round(bills == 0 ? 0m : spending / bills),
            });
        }
        return items;
    }

    /// <summary>Spec section 4, rf_grid_data: 25 cells, R from 5 down to 1, within it F from 5 down to 1.</summary>
    private static JsonArray RfGridWidget(List<CustomerFacts> selection)
    {
        var items = new JsonArray();
        for (var r = 5; r >= 1; r--)
        {
            for (var f = 5; f >= 1; f--)
            {
                var members = selection.Where(c => c.R == r && c.F == f).ToList();
                var spending = members.Sum(c => c.Spend);
                items.Add(new JsonObject
                {
                    ["r_score"] = r,
                    ["f_score"] = f,
                    ["customers"] = members.Count,
                    ["percentage"] = Percentage(members.Count, selection.Count),
                    ["spending"] = Round(spending),
                    ["average_spend"] = Round(members.Count == 0 ? 0m : spending / members.Count),
                });
            }
        }
        return items;
    }

    private static JsonArray FiscalYearWidget(RefDataset data, List<CustomerFacts> selection,
        List<RefTransaction> selectedTransactions, int startMonth)
    {
        // acquired(c): registration date, else first transaction date in the WHOLE relation (window ignored).
        var acquired = new Dictionary<long, DateOnly>();
        foreach (var c in selection)
        {
            acquired[c.CustomerId] = c.RegistrationDate
                ?? data.Transactions.Where(t => t.CustomerId == c.CustomerId).Min(t => t.TransactionDate);
        }

        var items = new JsonArray();
        var years = selectedTransactions
            .GroupBy(t => FiscalYearOf(t.TransactionDate, startMonth))
            .OrderBy(g => g.Key);
        foreach (var year in years)
        {
            var customerIds = year.Select(t => t.CustomerId).Distinct().ToList();
            var total = customerIds.Count;
            var newCustomers = customerIds.Count(id => FiscalYearOf(acquired[id], startMonth) == year.Key);
            var oldCustomers = total - newCustomers;
            items.Add(new JsonObject
            {
                ["fiscal_year"] = FiscalYearLabel(year.Key, startMonth),
                ["total_customers"] = total,
                ["new_customers"] = newCustomers,
                ["old_customers"] = oldCustomers,
                ["new_customer_percentage"] = Percentage(newCustomers, total),
                ["old_customer_percentage"] = Percentage(oldCustomers, total),
            });
        }
        return items;
    }

    /// <summary>
    /// The calendar year Y in which the fiscal year containing <paramref name="date"/> starts: shifting the date
    /// back by (start month - 1) months maps the fiscal year onto calendar year Y.
    /// </summary>
    private static int FiscalYearOf(DateOnly date, int startMonth) => date.AddMonths(1 - startMonth).Year;

    private static string FiscalYearLabel(int year, int startMonth) =>
        startMonth == 1
            ? "FY" + year.ToString(CultureInfo.InvariantCulture)
            : "FY" + year.ToString(CultureInfo.InvariantCulture) + "-" + ((year + 1) % 100).ToString("00", CultureInfo.InvariantCulture);

    private static decimal Percentage(int part, int total) =>
        total == 0 ? 0m : Round(100m * part / total);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
