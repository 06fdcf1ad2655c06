using System.Globalization;
using System.Text;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Buckets;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// The response cache's key: the data version and the normalized filter, so that requests meaning the same
/// thing ("10+" or " 10+ ", labels in any order, mobile punctuation) share one entry.
/// </summary>
public static class DashboardCacheKey
{
    public static string For(DashboardFilter filter, long dataVersion)
    {
        var key = new StringBuilder("dashboard:v", 128)
            .Append(dataVersion.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append(Format(filter.StartDate))
            .Append('|').Append(Format(filter.EndDate))
            .Append("|r").Append(Indexes(filter.RecencyBuckets))
            .Append("|f").Append(Indexes(filter.VisitBuckets))
            .Append("|m").Append(Indexes(filter.SpendBuckets))
            .Append("|mobile:").Append(filter.MobileDigits);

        // Last, and length-prefixed: a name may contain any character, including the separators.
        return filter.NameContains is { } name
            ? key.Append("|name:").Append(name.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(name).ToString()
            : key.ToString();
    }

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "*";

    private static string Indexes(IReadOnlySet<Bucket> buckets) =>
        string.Join(',', buckets.Select(b => b.Index).Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
