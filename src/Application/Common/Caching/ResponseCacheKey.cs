using System.Globalization;
using System.Text.Json;

namespace CampaignDashboard.Application.Common.Caching;

/// <summary>
/// A response cache key: the kind of response, the data version and the request's parameters serialized member by
/// member, so that a member added to them is part of the key without anyone remembering it. Multi-valued filter
/// members are in canonical order, so requests meaning the same thing ("10+" or " 10+ ", labels in any order, mobile
/// punctuation) share one entry.
/// </summary>
public static class ResponseCacheKey
{
    public static string For<TParameters>(string kind, TParameters parameters, long dataVersion) =>
        $"{kind}:v{dataVersion.ToString(CultureInfo.InvariantCulture)}:{JsonSerializer.Serialize(parameters)}";
}
