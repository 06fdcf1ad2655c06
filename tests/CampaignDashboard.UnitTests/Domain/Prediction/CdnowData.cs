using System.Globalization;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

/// <summary>
/// The CDNOW summaries of ../shared/data (found from the test binaries upwards: RepositoryPaths): the
/// 2,357 customers of the BG/NBD paper, frequency, recency and T in weeks, and the mean spend of the repeat buyers.
/// </summary>
internal static class CdnowData
{
    /// <summary>(x, t_x, T) in weeks, from cdnow_customers_summary.csv.</summary>
    public static IReadOnlyList<(double x, double tx, double T)> CustomersInWeeks() =>
        Rows("cdnow_customers_summary.csv").Select(f => (f[1], f[2], f[3])).ToArray();

    /// <summary>(x, t_x, T, zbar) from cdnow_customers_summary_with_transactions.csv.</summary>
    public static IReadOnlyList<(double x, double tx, double T, double zbar)> CustomersWithSpend() =>
        Rows("cdnow_customers_summary_with_transactions.csv").Select(f => (f[1], f[2], f[3], f[4])).ToArray();

    private static IEnumerable<double[]> Rows(string file) =>
        File.ReadLines(RepositoryPaths.SharedData(file))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
}
