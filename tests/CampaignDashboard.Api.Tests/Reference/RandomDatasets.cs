using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CampaignDashboard.Api.Tests.Reference;

/// <summary>
/// Deterministic random data sets and valid requests for oracle comparisons. Besides random filler, most data sets
/// plant customers that sit exactly on the contract's boundaries (recency, spend, visits, return gaps, fiscal years).
/// </summary>
public static class RandomDatasets
{
    private static readonly DateOnly MinDate = new(2019, 1, 1);
    private static readonly DateOnly MaxDate = new(2025, 12, 31);

    private const int MaxTransactions = 1500;

    // Latin-1 only, and only letters whose upper/lower case is again Latin-1 (no ß, ÿ, µ), so lower-casing is unambiguous.
    private static readonly string[] FirstNames =
    [
        "Anna", "José", "Zoë", "François", "Søren", "Ölaf", "Renée", "Mary", "Ian", "Chloé", "Ægir", "Åsa",
        "Björn", "Inés", "Noël", "Raúl", "Ève", "Ömer", "Jürgen", "Ana", "Li", "Priya", "Tomás", "Élodie",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Núñez", "O'Brien", "Öztürk", "García", "Müller", "Dubois", "Ødegaard", "Brontë", "van der Berg",
        "MacDonald", "Håkansson", "Çelik", "Ñandú", "Lee", "Patel", "Kowalski", "D'Àngelo", "Ávila", "Jones",
    ];

    // Names with the characters a LIKE pattern would treat specially; the filter must take them literally.
    private static readonly string[] SpecialNames =
    [
        "100% Cotton Ltd", "Under_Score Traders", "[VIP] Café Noir", "50%_off [Outlet]", "a%b_c[d]e", "Mc_Neil & Sons",
        "Shop [North]", "%Percent", "_Leading", "Trailing[", "ÉCOLE_100%", "the [_%] shop",
    ];

    public static RefDataset Generate(int seed)
    {
        var builder = new Builder(new Random(seed));
        var profile = ((seed % 10) + 10) % 10;
        switch (profile)
        {
            case 0:
                // Empty: odd tens get customers that never bought, even tens get nothing at all.
                if (((seed / 10) & 1) != 0)
                {
                    var count = builder.Rng.Next(1, 15);
                    for (var i = 0; i < count; i++)
                    {
                        builder.AddCustomer();
                    }
                }
                break;
            case 1:
                BuildSingleTransaction(builder);
                break;
            case 2:
                BuildTiny(builder);
                break;
            case 3:
                BuildSmallRandom(builder);
                break;
            default:
                BuildRich(builder);
                break;
        }
        return builder.Build();
    }

    /// <summary>A random VALID request: no/one/both dates, optional mobile, name and bucket filters.</summary>
    public static RefRequest RandomRequest(Random rng, RefDataset data)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(data);

        var dates = data.Transactions.Select(t => t.TransactionDate).Distinct().OrderBy(d => d).ToList();
        var lo = dates.Count > 0 ? dates[0] : MinDate;
        var hi = dates.Count > 0 ? dates[^1] : MaxDate;

        DateOnly? start = null;
        DateOnly? end = null;
        switch (rng.Next(20))
        {
            case < 6:
                break; // no dates
            case < 8:
                start = RandomDate(rng, lo.AddDays(-30), hi.AddDays(30));
                break;
            case < 11:
                // end only: the latest date keeps the planted recency boundaries intact, otherwise anywhere.
                end = rng.Next(3) == 0 ? hi : RandomDate(rng, lo, hi.AddDays(30));
                break;
            case < 15:
            {
                var a = RandomDate(rng, lo.AddDays(-30), hi.AddDays(30));
                var b = RandomDate(rng, lo.AddDays(-30), hi.AddDays(30));
                start = a <= b ? a : b;
                end = a <= b ? b : a;
                break;
            }
            case 15:
            case 16:
            {
                // a single-day window, on a transaction date when there is one
                var day = dates.Count > 0 ? dates[rng.Next(dates.Count)] : RandomDate(rng, lo, hi);
                start = day;
                end = day;
                break;
            }
            case 17:
                // end_date before all data (sometimes with a start_date too)
                end = lo.AddDays(-rng.Next(1, 400));
                if (rng.Next(2) == 0)
                {
                    start = end.Value.AddDays(-rng.Next(0, 300));
                }
                break;
            case 18 when rng.Next(2) == 0:
                // an end_date about 64 years after the data: some or all fiscal years of the window lie further
                // back from the as-of date than the engine's bit set of recent fiscal years reaches
                end = hi.AddYears(rng.Next(58, 70));
                break;
            case 18:
                // a window after all data
                start = hi.AddDays(rng.Next(1, 200));
                end = start.Value.AddDays(rng.Next(0, 200));
                break;
            default:
            {
                // a window inside the data range that holds no transaction, when such a gap exists
                var gap = FindEmptyDay(rng, dates, lo, hi);
                start = gap;
                end = gap;
                break;
            }
        }

        // Filters usually target customers who bought in the window, so that the selection is rarely empty.
        var buyers = data.Transactions
            .Where(t => (start is null || t.TransactionDate >= start.Value) && (end is null || t.TransactionDate <= end.Value))
            .Select(t => t.CustomerId)
            .ToHashSet();
        var pool = rng.Next(5) != 0 && buyers.Count > 0
            ? data.Customers.Where(c => buyers.Contains(c.CustomerId)).ToList()
            : data.Customers.ToList();

        // Mobile and name filters mostly describe one target customer, so that combining them can still match.
        RefCustomer? target = pool.Count > 0 ? pool[rng.Next(pool.Count)] : null;
        var mobile = rng.Next(4) == 0 ? RandomMobileFilter(rng, pool, target) : null;
        var name = rng.Next(4) == 0 ? RandomNameFilter(rng, pool, target) : null;
        var r = rng.Next(6) == 0 ? RandomLabels(rng, ReferenceDashboard.RValueBucketLabels) : [];
        var f = rng.Next(6) == 0 ? RandomLabels(rng, ReferenceDashboard.FValueBucketLabels) : [];
        var m = rng.Next(6) == 0 ? RandomLabels(rng, ReferenceDashboard.MValueBucketLabels) : [];
        string[] scores = ["1", "2", "3", "4", "5"];
        var scheme = rng.Next(3) == 0 ? ReferenceDashboard.SchemeNames[rng.Next(ReferenceDashboard.SchemeNames.Count)] : null;
        return new RefRequest(start, end, mobile, name, r, f, m)
        {
            RScores = rng.Next(6) == 0 ? RandomLabels(rng, scores) : [],
            FScores = rng.Next(6) == 0 ? RandomLabels(rng, scores) : [],
            MScores = rng.Next(6) == 0 ? RandomLabels(rng, scores) : [],
            Segments = rng.Next(5) == 0 ? RandomLabels(rng, ReferenceDashboard.SchemeLabels(scheme)) : [],
            SegmentScheme = scheme is null ? null : ChangeCase(rng, scheme),
            ScoreMethod = rng.Next(3) == 0 ? (rng.Next(2) == 0 ? "ties" : "NTILE") : null,
            Compare = rng.Next(4) == 0 ? RandomWindow(rng, lo, hi) : null,
        };
    }

    /// <summary>A window around the data's range: sometimes the previous period, sometimes anywhere, sometimes empty.</summary>
    private static (DateOnly Start, DateOnly End) RandomWindow(Random rng, DateOnly lo, DateOnly hi)
    {
        var a = RandomDate(rng, lo.AddDays(-60), hi.AddDays(30));
        var b = RandomDate(rng, lo.AddDays(-60), hi.AddDays(30));
        return a <= b ? (a, b) : (b, a);
    }

    // ------------------------------------------------------------------ data set shapes

    private static void BuildSingleTransaction(Builder b)
    {
        // The buyer may or may not have a customers row; a few customers may never have bought.
        var buyer = b.Rng.Next(2) == 0 ? b.AddCustomer() : b.NewOrphanId();
        b.AddSale(buyer, RandomDate(b.Rng, MinDate, MaxDate), b.RandomAmount());
        var idle = b.Rng.Next(0, 3);
        for (var i = 0; i < idle; i++)
        {
            b.AddCustomer();
        }
    }

    /// <summary>1..7 buyers: exercises NTILE with fewer than, exactly and just over 5 rows.</summary>
    private static void BuildTiny(Builder b)
    {
        var buyers = b.Rng.Next(1, 8);
        var end = RandomDate(b.Rng, new DateOnly(2020, 1, 1), MaxDate);
        for (var i = 0; i < buyers; i++)
        {
            var id = b.Rng.Next(5) == 0 ? b.NewOrphanId() : b.AddCustomer();
            var sales = b.Rng.Next(1, 5);
            for (var k = 0; k < sales; k++)
            {
                b.AddSale(id, RandomDate(b.Rng, Clamp(end.AddDays(-700), MinDate, end), end), b.RandomAmount());
            }
        }
        if (b.Rng.Next(2) == 0)
        {
            b.AddCustomer();
        }
    }

    /// <summary>Few customers in a narrow date range with round amounts, so scores tie a lot.</summary>
    private static void BuildSmallRandom(Builder b)
    {
        var end = RandomDate(b.Rng, new DateOnly(2019, 6, 1), MaxDate);
        var span = b.Rng.Next(10, 120);
        var customers = b.Rng.Next(5, 60);
        for (var i = 0; i < customers; i++)
        {
            var id = b.Rng.Next(10) == 0 ? b.NewOrphanId() : b.AddCustomer();
            var sales = b.Rng.Next(0, 6);
            for (var k = 0; k < sales; k++)
            {
                var amount = b.Rng.Next(3) == 0 ? b.RandomAmount() : 100m * b.Rng.Next(-1, 6);
                b.AddSale(id, end.AddDays(-b.Rng.Next(0, span)), amount);
            }
        }
    }

    /// <summary>Planted boundary customers plus random filler (up to about 300 customers and 1500 bills).</summary>
    private static void BuildRich(Builder b)
    {
        var rng = b.Rng;
        // D is the latest transaction date, i.e. the as-of date of a request without end_date.
        var d = RandomDate(rng, new DateOnly(2022, 1, 1), MaxDate);

        // Anchor: someone buys on D itself (recency 0).
        b.AddSale(b.AddCustomer(), d, b.RandomAmount());

        // Recency exactly on and just past each r_value bucket bound.
        foreach (var recency in new[] { 0, 1, 199, 200, 201, 400, 401, 600, 601, 800, 801, 1000, 1001, 1100 })
        {
            var last = d.AddDays(-recency);
            if (last < MinDate)
            {
                continue;
            }
            var id = b.AddCustomer();
            b.AddSale(id, last, b.RandomAmount());
            if (rng.Next(2) == 0 && last.AddDays(-30) >= MinDate)
            {
                b.AddSale(id, RandomDate(rng, MinDate, last.AddDays(-1)), b.RandomAmount());
            }
        }

        // Spend totals on and just past the value bucket bounds, split over one to three bills (sometimes a return).
        foreach (var total in new[] { 1000.00m, 1000.01m, 5000.00m, 5000.01m, 2000.00m, 2000.01m, 999.99m, 4000.00m, 0.00m, -50.00m })
        {
            var id = b.AddCustomer();
            var parts = SplitAmount(rng, total, rng.Next(1, 4));
            foreach (var part in parts)
            {
                b.AddSale(id, RandomDate(rng, MinDate, d), part);
            }
        }

        // Visits just under, on and over the "10+" bucket; the extra same-day bill must not count as a visit.
        foreach (var visits in new[] { 9, 10, 11 })
        {
            var id = b.AddCustomer();
            var days = DistinctDates(rng, visits, MinDate, d);
            foreach (var day in days)
            {
                b.AddSale(id, day, b.RandomAmount());
            }
            b.AddSale(id, days[0], b.RandomAmount());
        }

        // Return gaps on and just under each days_to_return bound, with two visits ...
        foreach (var gap in new[] { 1, 29, 30, 59, 60, 89, 90, 179, 180, 364, 365, 729, 730, 800 })
        {
            PlantGaps(b, d, [gap]);
        }
        // ... and with three visits, where only the mean matters: 29.5 (<30), 30 exactly, 364.5, 365 exactly.
        PlantGaps(b, d, [29, 30]);
        PlantGaps(b, d, [29, 31]);
        PlantGaps(b, d, [30, 30]);
        PlantGaps(b, d, [364, 365]);
        PlantGaps(b, d, [365, 365]);

        // Same-day repeat bills only (1 visit, 3 bills), and two dates with two bills each.
        {
            var id = b.AddCustomer();
            var day = RandomDate(rng, MinDate, d);
            for (var i = 0; i < 3; i++)
            {
                b.AddSale(id, day, b.RandomAmount());
            }
            var id2 = b.AddCustomer();
            var days = DistinctDates(rng, 2, MinDate, d);
            foreach (var dd in days)
            {
                b.AddSale(id2, dd, b.RandomAmount());
                b.AddSale(id2, dd, b.RandomAmount());
            }
        }

        // Only a return: negative amount and quantity.
        b.AddSale(b.AddCustomer(), RandomDate(rng, MinDate, d), -b.RandomPositiveAmount(), -rng.Next(1, 4), null);

        // Ties: a group with identical recency, visits and spend, then a group with identical visits only.
        {
            var day = RandomDate(rng, MinDate, d);
            var amount = 100.00m * rng.Next(1, 6);
            var size = rng.Next(6, 13);
            for (var i = 0; i < size; i++)
            {
                b.AddSale(b.AddCustomer(), day, amount, 1, 10.00m);
            }
            var twoDays = DistinctDates(rng, 2, MinDate, d);
            size = rng.Next(4, 9);
            for (var i = 0; i < size; i++)
            {
                var id = b.AddCustomer();
                b.AddSale(id, twoDays[0], b.RandomAmount());
                b.AddSale(id, twoDays[1], b.RandomAmount());
            }
        }

        // Fiscal-year edges: 31 March / 1 April and 31 December / 1 January, with registration on a year start.
        {
            var year = rng.Next(2019, d.Year);
            var id = b.AddCustomer(new DateOnly(year, 4, 1));
            b.AddSale(id, new DateOnly(year, 3, 31), b.RandomAmount());
            b.AddSale(id, new DateOnly(year, 4, 1), b.RandomAmount());
            var id2 = b.AddCustomer(new DateOnly(year + 1, 1, 1));
            b.AddSale(id2, new DateOnly(year, 12, 31), b.RandomAmount());
            b.AddSale(id2, new DateOnly(year + 1, 1, 1), b.RandomAmount());
        }

        // Customers that never bought, and buyers with no customers row.
        var idle = rng.Next(2, 10);
        for (var i = 0; i < idle; i++)
        {
            b.AddCustomer();
        }
        var orphans = rng.Next(2, 7);
        for (var i = 0; i < orphans; i++)
        {
            var id = b.NewOrphanId();
            var sales = rng.Next(1, 4);
            for (var k = 0; k < sales; k++)
            {
                b.AddSale(id, RandomDate(rng, MinDate, d), b.RandomAmount());
            }
        }

        // Random filler, size varies per seed.
        var fillers = rng.Next(0, 220);
        for (var i = 0; i < fillers && b.SaleCount < MaxTransactions - 20; i++)
        {
            var id = rng.Next(30) == 0 ? b.NewOrphanId() : b.AddCustomer();
            var home = RandomDate(rng, MinDate, d);
            var sales = rng.Next(4) == 0 ? rng.Next(2, 25) : rng.Next(1, 4);
            var used = new List<DateOnly>();
            for (var k = 0; k < sales && b.SaleCount < MaxTransactions; k++)
            {
                // Sometimes a repeat bill on a day already used; otherwise within a couple of years of "home".
                var day = used.Count > 0 && rng.Next(6) == 0
                    ? used[rng.Next(used.Count)]
                    : Clamp(home.AddDays(rng.Next(-400, 400)), MinDate, d);
                used.Add(day);
                b.AddSale(id, day, b.RandomAmount());
            }
        }
    }

    /// <summary>A customer whose consecutive visits are separated by exactly the given gaps, ending on or before D.</summary>
    private static void PlantGaps(Builder b, DateOnly d, int[] gaps)
    {
        var span = gaps.Sum();
        var latestFirst = d.AddDays(-span);
        if (latestFirst < MinDate)
        {
            return;
        }
        var id = b.AddCustomer();
        var day = RandomDate(b.Rng, MinDate, latestFirst);
        b.AddSale(id, day, b.RandomAmount());
        foreach (var gap in gaps)
        {
            day = day.AddDays(gap);
            b.AddSale(id, day, b.RandomAmount());
        }
    }

    // ------------------------------------------------------------------ request pieces

    private static string RandomMobileFilter(Random rng, List<RefCustomer> pool, RefCustomer? target)
    {
        var candidates = pool
            .Where(c => c.Mobile is not null)
            .Select(c => Digits(c.Mobile!))
            .Where(digits => digits.Length >= 6 && digits.Length <= 15)
            .ToList();
        var targetDigits = target?.Mobile is null ? "" : Digits(target.Mobile);
        string digitsWanted;
        if (targetDigits.Length >= 6 && targetDigits.Length <= 15 && rng.Next(5) != 0)
        {
            digitsWanted = targetDigits;
        }
        else if (candidates.Count > 0 && rng.Next(5) != 0)
        {
            digitsWanted = candidates[rng.Next(candidates.Count)];
        }
        else
        {
            digitsWanted = RandomDigits(rng, rng.Next(6, 16));
        }
        // Request values may only hold digits, ' ', '+', '-', '(' and ')'; FormatMobile uses nothing else.
        return FormatMobile(rng, digitsWanted, int.MaxValue);
    }

    private static string? RandomNameFilter(Random rng, List<RefCustomer> pool, RefCustomer? target)
    {
        var names = pool.Where(c => c.CustomerName is not null).Select(c => c.CustomerName!).ToList();
        var roll = rng.Next(10);
        if (roll == 0 || names.Count == 0)
        {
            // Matches nothing (or only a name that happens to contain it).
            return ChangeCase(rng, rng.Next(2) == 0 ? "zz%q" : "nobody_[x]");
        }
        if (roll == 1)
        {
            // A lone special character: must match only names containing it literally.
            return new[] { "%", "_", "[" }[rng.Next(3)];
        }
        if (roll == 2)
        {
            var special = names.Where(n => n.IndexOfAny(['%', '_', '[']) >= 0).ToList();
            if (special.Count > 0)
            {
                var name = special[rng.Next(special.Count)];
                var at = name.IndexOfAny(['%', '_', '[']);
                var from = Math.Max(0, at - rng.Next(0, 4));
                var to = Math.Min(name.Length, at + 1 + rng.Next(0, 4));
                var piece = name[from..to].Trim();
                if (piece.Length > 0)
                {
                    return ChangeCase(rng, piece);
                }
            }
        }
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var name = target?.CustomerName is not null && attempt < 5 ? target.CustomerName : names[rng.Next(names.Count)];
            var from = rng.Next(name.Length);
            var length = rng.Next(1, Math.Min(100, name.Length - from) + 1);
            // Trimmed so the value never starts/ends with a space (the spec does not say whether those are kept).
            var piece = name.Substring(from, length).Trim();
            if (piece.Length > 0)
            {
                return ChangeCase(rng, piece);
            }
        }
        return null;
    }

    private static string[] RandomLabels(Random rng, IReadOnlyList<string> allowed)
    {
        var count = rng.Next(1, 4);
        var chosen = allowed.OrderBy(_ => rng.Next()).Take(count).ToList();
        return chosen.Select(label =>
        {
            var text = ChangeCase(rng, label);
            return rng.Next(3) switch
            {
                0 => " " + text + " ",
                1 => text + "  ",
                _ => text,
            };
        }).ToArray();
    }

    private static DateOnly FindEmptyDay(Random rng, List<DateOnly> dates, DateOnly lo, DateOnly hi)
    {
        var taken = dates.ToHashSet();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var day = RandomDate(rng, lo, hi);
            if (!taken.Contains(day))
            {
                return day;
            }
        }
        return hi.AddDays(1);
    }

    // ------------------------------------------------------------------ small helpers

    private static DateOnly RandomDate(Random rng, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return from;
        }
        return DateOnly.FromDayNumber(rng.Next(from.DayNumber, to.DayNumber + 1));
    }

    private static DateOnly Clamp(DateOnly value, DateOnly min, DateOnly max) =>
        value < min ? min : value > max ? max : value;

    private static List<DateOnly> DistinctDates(Random rng, int count, DateOnly from, DateOnly to)
    {
        var set = new SortedSet<DateOnly>();
        while (set.Count < count)
        {
            set.Add(RandomDate(rng, from, to));
        }
        return set.ToList();
    }

    /// <summary>Splits a total (in cents) into parts that sum to it exactly; parts may be negative.</summary>
    private static List<decimal> SplitAmount(Random rng, decimal total, int parts)
    {
        var cents = (long)(total * 100m);
        var result = new List<decimal>();
        for (var i = 0; i < parts - 1; i++)
        {
            var piece = (long)rng.Next(-20000, 300000);
            result.Add(piece / 100m);
            cents -= piece;
        }
        result.Add(cents / 100m);
        return result;
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static string RandomDigits(Random rng, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append((char)('0' + rng.Next(10)));
        }
        return text.ToString();
    }

    /// <summary>Writes digits with one of several punctuation styles, using only ' ', '+', '-', '(' and ')'.</summary>
    private static string FormatMobile(Random rng, string digits, int maxLength)
    {
        string text;
        switch (rng.Next(8))
        {
            case 0:
                text = digits;
                break;
            case 1:
                text = "+" + digits;
                break;
            case 2:
                text = Grouped(digits, " ");
                break;
            case 3:
                // "+44 (7700) 900-123"
                text = digits.Length < 10
                    ? "(" + digits[..3] + ") " + digits[3..]
                    : "+" + digits[..2] + " (" + digits[2..6] + ") " + digits[6..9] + "-" + digits[9..];
                break;
            case 4:
                text = Grouped(digits, "-");
                break;
            case 5:
                text = "(" + digits[..3] + ")" + digits[3..];
                break;
            case 6:
                text = " " + Grouped(digits, " ") + " ";
                break;
            default:
                text = "+" + digits[..2] + "-" + digits[2..5] + " " + digits[5..];
                break;
        }
        if (text.EndsWith('-'))
        {
            text = text[..^1];
        }
        return text.Length <= maxLength ? text : digits;
    }

    private static string Grouped(string digits, string separator)
    {
        var groups = new List<string>();
        for (var i = 0; i < digits.Length; i += 3)
        {
            groups.Add(digits.Substring(i, Math.Min(3, digits.Length - i)));
        }
        return string.Join(separator, groups);
    }

    private static string ChangeCase(Random rng, string text)
    {
        switch (rng.Next(4))
        {
            case 0:
                return text.ToUpperInvariant();
            case 1:
                return text.ToLowerInvariant();
            case 2:
            {
                var chars = text.Select(ch => rng.Next(2) == 0 ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch));
                return new string(chars.ToArray());
            }
            default:
                return text;
        }
    }

    /// <summary>
    /// Accumulates customers and sales; ids are unique, increasing with random gaps, now and then one wider than the
    /// blocks of 65,536 ids in which DuckDB's population.sql counts customers to find the scores' cuts.
    /// </summary>
    private sealed class Builder
    {
        private readonly List<RefCustomer> _customers = [];
        private readonly List<(long CustomerId, DateOnly Date, decimal Amount, int Quantity, decimal? Profit)> _sales = [];
        private readonly List<string> _mobileDigits = [];
        private long _lastCustomerId;
        private int _ids;

        public Builder(Random rng)
        {
            Rng = rng;
            _lastCustomerId = rng.Next(0, 100_000);
        }

        public Random Rng { get; }

        public int SaleCount => _sales.Count;

        /// <summary>An id that is never given a customers row.</summary>
        public long NewOrphanId()
        {
            _lastCustomerId += Rng.Next(1, 4) + (++_ids % 20 == 0 ? 70_000 : 0);
            return _lastCustomerId;
        }

        public long AddCustomer() => AddCustomer(RandomRegistration());

        public long AddCustomer(DateOnly? registration)
        {
            var id = NewOrphanId();
            _customers.Add(new RefCustomer(id, RandomName(), RandomMobile(), registration));
            return id;
        }

        public void AddSale(long customerId, DateOnly date, decimal amount)
        {
            var quantity = amount < 0 ? -Rng.Next(1, 5) : Rng.Next(0, 8);
            decimal? profit = Rng.Next(6) == 0 ? null : Math.Round(amount * Rng.Next(-10, 40) / 100m, 2, MidpointRounding.AwayFromZero);
            AddSale(customerId, date, amount, quantity, profit);
        }

        public void AddSale(long customerId, DateOnly date, decimal amount, int quantity, decimal? profit) =>
            _sales.Add((customerId, date, amount, quantity, profit));

        /// <summary>Two-decimal amount: mostly modest, sometimes a return, sometimes a round number (ties), rarely large.</summary>
        public decimal RandomAmount()
        {
            return Rng.Next(10) switch
            {
                0 => -RandomPositiveAmount(),
                1 or 2 => 50.00m * Rng.Next(1, 11),
                3 => Rng.Next(100_000, 600_000) / 100m,
                _ => RandomPositiveAmount(),
            };
        }

        public decimal RandomPositiveAmount() => Rng.Next(1, 80_000) / 100m;

        public RefDataset Build()
        {
            // Bills are stored in shuffled order so nothing can rely on id order matching date order.
            var shuffled = _sales.OrderBy(_ => Rng.Next()).ToList();
            var transactions = new List<RefTransaction>();
            long transactionId = Rng.Next(0, 1_000_000);
            foreach (var sale in shuffled)
            {
                transactionId += Rng.Next(1, 5);
                transactions.Add(new RefTransaction(transactionId, sale.CustomerId, sale.Date, sale.Amount, sale.Quantity, sale.Profit));
            }
            var customers = _customers.OrderBy(_ => Rng.Next()).ToList();
            return new RefDataset(customers, transactions);
        }

        private DateOnly? RandomRegistration()
        {
            return Rng.Next(10) switch
            {
                0 or 1 or 2 => null,
                3 or 4 => RandomDate(Rng, new DateOnly(2015, 1, 1), MinDate.AddDays(-1)),
                5 => RandomDate(Rng, MaxDate.AddDays(1), new DateOnly(2027, 12, 31)),
                _ => RandomDate(Rng, MinDate, MaxDate),
            };
        }

        private string? RandomName()
        {
            var roll = Rng.Next(20);
            if (roll < 2)
            {
                return null;
            }
            if (roll < 5)
            {
                return SpecialNames[Rng.Next(SpecialNames.Length)];
            }
            var name = FirstNames[Rng.Next(FirstNames.Length)] + " " + LastNames[Rng.Next(LastNames.Length)];
            return roll < 10 ? ChangeCase(Rng, name) : name;
        }

        private string? RandomMobile()
        {
            if (Rng.Next(10) == 0)
            {
                return null;
            }
            string digits;
            if (_mobileDigits.Count > 0 && Rng.Next(15) == 0)
            {
                // Same number as an earlier customer, probably written differently.
                digits = _mobileDigits[Rng.Next(_mobileDigits.Count)];
            }
            else
            {
                var length = Rng.Next(20) switch
                {
                    0 => 6,
                    1 => 15,
                    2 => 5, // too short to be searched for; stored anyway
                    _ => Rng.Next(10, 13),
                };
                digits = RandomDigits(Rng, length);
            }
            _mobileDigits.Add(digits);
            // The column is VARCHAR(20).
            return FormatMobile(Rng, digits, 20);
        }
    }
}
