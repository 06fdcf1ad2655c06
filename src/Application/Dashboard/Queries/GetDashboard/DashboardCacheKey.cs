using System.Globalization;
using System.Text.Json;
using CampaignDashboard.Application.Dashboard.Filters;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// The response cache's key: the data version and the whole normalized filter. The filter is serialized member by
/// member, so a member added to <see cref="DashboardFilter"/> is part of the key without anyone remembering it; its
/// multi-valued members are in canonical order, so requests meaning the same thing ("10+" or " 10+ ", labels in any
/// order, mobile punctuation) share one entry.
/// </summary>
public static class DashboardCacheKey
{
    public static string For(DashboardFilter filter, long dataVersion) =>
        $"dashboard:v{dataVersion.ToString(CultureInfo.InvariantCulture)}:{JsonSerializer.Serialize(filter)}";
}
