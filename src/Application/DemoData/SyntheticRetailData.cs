using CampaignDashboard.Application.Data;

namespace CampaignDashboard.Application.DemoData;

/// <summary>
/// Deterministic synthetic retail data with the skew of real shops: about 7% registered customers who never buy,
/// many one-time buyers, a heavy (Lomax) tail of frequent buyers, repeat buyers who lapse (most stop buying after an
/// active life of months to a few years), log-normal basket values, returns as negative bills, missing profits, and
/// seasonal peaks in November and December. The same arguments give the same rows.
/// Rows are streamed: memory is a few bytes per customer, whatever the number of transactions.
/// </summary>
public sealed class SyntheticRetailData
{
    /// <summary>Changes whenever the same arguments would give other rows, so that kept datasets (the benchmark's) are remade.</summary>
    public const int Version = 2;

    public static readonly DateOnly DefaultFirstDate = new(2021, 1, 1);
    public static readonly DateOnly DefaultLastDate = new(2025, 12, 31);

    private const double NeverBuysShare = 0.07;
    private const double OneTimeBuyerShare = 0.35;
    private const double ParetoShape = 1.2;
    private const double MaxRepeatWeight = 100;

    // A repeat buyer stays to the end with this chance; else it lapses after an exponential active life of this mean, so
    // that recency and the prediction's probability alive have something to find.
    private const double LoyalShare = 0.3;
    private const double MeanActiveDays = 540;

    private static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "George", "Mia", "Arthur", "Zoë", "Mohammed",
        "Priya", "Chen", "Sofia", "Lucas", "Aarav", "Fatima", "Jakub", "Chloé", "Seán", "Ingrid", "Kofi", "Yuki",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "O'Brien",
        "Müller", "García", "Nguyen", "Kowalski", "Okafor", "Singh", "Rossi", "Andersson", "Dubois", "Khan", "Lee",
    ];

    // Relative purchase likelihood by month (index 0 = January): peaks before Christmas, a dip after it.
    private static readonly double[] MonthWeights = [0.7, 0.7, 0.85, 0.9, 0.95, 0.9, 0.9, 0.95, 1.0, 1.15, 1.7, 2.0];

    private readonly int _seed;
    private readonly int _customerCount;
    private readonly long _transactionCount;
    private readonly DateOnly _firstDate;
    private readonly int _daySpan;
    private readonly int[] _billsPerCustomer;

    public SyntheticRetailData(int customers, long transactions, int seed, DateOnly? firstDate = null, DateOnly? lastDate = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfNegative(transactions);
        if (transactions > 0 && customers == 0)
        {
            throw new ArgumentException("Transactions need at least one customer.", nameof(transactions));
        }

        _seed = seed;
        _customerCount = customers;
        _transactionCount = transactions;
        _firstDate = firstDate ?? DefaultFirstDate;
        _daySpan = (lastDate ?? DefaultLastDate).DayNumber - _firstDate.DayNumber + 1;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_daySpan, nameof(lastDate));
        _billsPerCustomer = AllocateBills();
    }

    /// <summary>The demo dataset the API seeds an empty embedded database with.</summary>
    public static SyntheticRetailData Demo() => new(customers: 10_000, transactions: 100_000, seed: 42);

    public int CustomerCount => _customerCount;

    public long TransactionCount => _transactionCount;

    public IEnumerable<CustomerRecord> Customers()
    {
        for (var i = 0; i < _customerCount; i++)
        {
            var profile = Profile(i);
            var rng = SplitMix64.For(_seed, -1 - i);
            var name = rng.Chance(0.03) ? null : $"{FirstNames[rng.Next(0, FirstNames.Length)]} {LastNames[rng.Next(0, LastNames.Length)]}";
            var mobile = rng.Chance(0.05) ? null : Mobile(ref rng);
            DateOnly? registered = rng.Chance(0.3) ? null : profile.FirstPurchase.AddDays(-rng.Next(0, 60));
            yield return new CustomerRecord(i + 1, name, mobile, registered);
        }
    }

    public IEnumerable<TransactionRecord> Transactions()
    {
        long transactionId = 0;
        for (var i = 0; i < _customerCount; i++)
        {
            var bills = _billsPerCustomer[i];
            if (bills == 0)
            {
                continue;
            }

            var profile = Profile(i);
            var rng = SplitMix64.For(_seed, i);
            var remainingDays = Math.Min(profile.ActiveDays, _firstDate.DayNumber + _daySpan - profile.FirstPurchase.DayNumber);
            for (var bill = 0; bill < bills; bill++)
            {
                var date = bill == 0 ? profile.FirstPurchase : SeasonalDate(ref rng, profile.FirstPurchase, remainingDays);
                var isReturn = bill > 0 && rng.Chance(0.03);
                var quantity = 1 + (int)rng.LogNormal(2, 0.8);
                var amount = Math.Round((decimal)rng.LogNormal(profile.MedianBasket, 0.5), 2);
                if (isReturn)
                {
                    quantity = -quantity;
                    amount = -amount;
                }

                decimal? profit = rng.Chance(0.05) ? null : Math.Round(amount * (decimal)(0.15 + (0.25 * rng.NextDouble())), 2);
                yield return new TransactionRecord(++transactionId, i + 1, date, amount, quantity, profit);
            }
        }
    }

    private CustomerProfile Profile(int customerIndex)
    {
        var rng = SplitMix64.For(_seed, long.MinValue + customerIndex);
        var firstPurchase = SeasonalDate(ref rng, _firstDate, _daySpan);
        var neverBuys = rng.NextDouble() < NeverBuysShare;
        // Lomax (Pareto shifted to start at 0): most repeat buyers come back a few times, a few very often.
        // Capped so that no single customer takes a visible share of all bills.
        var repeatWeight = rng.NextDouble() < OneTimeBuyerShare
            ? 0
            : Math.Min(MaxRepeatWeight, Math.Pow(1 - rng.NextDouble(), -1 / ParetoShape) - 1);
        var medianBasket = rng.LogNormal(45, 0.9);
        var activeDays = rng.Chance(LoyalShare) ? int.MaxValue : 1 + (int)Math.Min(int.MaxValue - 1, -MeanActiveDays * Math.Log(1 - rng.NextDouble()));
        return new CustomerProfile(firstPurchase, neverBuys, repeatWeight, medianBasket, activeDays);
    }

    /// <summary>
    /// Every buyer gets one bill; the remaining bills go to repeat buyers in proportion to their Pareto weight
    /// (largest remainders first), so the total is exact and no sampling order matters.
    /// </summary>
    private int[] AllocateBills()
    {
        var bills = new int[_customerCount];
        var weights = new double[_customerCount];
        var buyers = new List<int>();
        for (var i = 0; i < _customerCount; i++)
        {
            var profile = Profile(i);
            if (!profile.NeverBuys)
            {
                buyers.Add(i);
                weights[i] = profile.RepeatWeight;
            }
        }

        if (buyers.Count == 0 && _transactionCount > 0)
        {
            buyers.Add(0);
        }

        var firstBills = (int)Math.Min(buyers.Count, _transactionCount);
        foreach (var i in buyers.Take(firstBills))
        {
            bills[i] = 1;
        }

        var extra = _transactionCount - firstBills;
        var totalWeight = buyers.Sum(i => weights[i]);
        if (extra == 0)
        {
            return bills;
        }

        if (totalWeight == 0)
        {
            // Nobody repeats by profile: spread the rest evenly.
            foreach (var i in buyers)
            {
                weights[i] = 1;
            }

            totalWeight = buyers.Count;
        }

        var remainders = new List<(double Remainder, int Customer)>(buyers.Count);
        long allocated = 0;
        foreach (var i in buyers)
        {
            var share = extra * weights[i] / totalWeight;
            var whole = (int)Math.Floor(share);
            bills[i] += whole;
            allocated += whole;
            remainders.Add((share - whole, i));
        }

        foreach (var (_, customer) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Customer).Take((int)(extra - allocated)))
        {
            bills[customer]++;
        }

        return bills;
    }

    private static DateOnly SeasonalDate(ref SplitMix64 rng, DateOnly from, int days)
    {
        var maxWeight = MonthWeights.Max();
        while (true)
        {
            var date = from.AddDays(rng.Next(0, days));
            if (rng.NextDouble() * maxWeight < MonthWeights[date.Month - 1])
            {
                return date;
            }
        }
    }

    private static string Mobile(ref SplitMix64 rng)
    {
        var subscriber = rng.Next(100_000, 1_000_000);
        return rng.Next(0, 4) switch
        {
            0 => $"07700 {subscriber}",
            1 => $"+44 7700 {subscriber}",
            2 => $"+44 (7700) {subscriber / 1000:000}-{subscriber % 1000:000}",
            _ => $"447700{subscriber}",
        };
    }

    /// <summary>A customer's traits; <see cref="ActiveDays"/>: the days from the first purchase in which it buys.</summary>
    private sealed record CustomerProfile(DateOnly FirstPurchase, bool NeverBuys, double RepeatWeight, double MedianBasket, int ActiveDays);
}
