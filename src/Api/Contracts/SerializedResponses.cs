using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace CampaignDashboard.Api.Contracts;

/// <summary>
/// A response's JSON body and its ETag (the content's hash), computed once per response instance: a cached response
/// is one immutable instance handed to every request that hits it, so its serialization and hash are kept beside it
/// (and go when it leaves the cache) instead of being redone per request.
/// </summary>
public static class SerializedResponses
{
    private static readonly ConditionalWeakTable<object, Serialized> Bodies = new();

    public static Serialized Of(object response, JsonSerializerOptions options) =>
        Bodies.GetValue(response, value =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
            return new Serialized(body, new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 16))}\""));
        });

    public sealed record Serialized(byte[] Body, EntityTagHeaderValue ETag);
}
