using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignDashboard.ClientTests.Support;

/// <summary>The OpenAPI document as committed: the served JSON without what depends on the request.</summary>
public static class OpenApiJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // Keep '>', '<', '+' and quotes readable in descriptions such as ">1000".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Parses a document and drops <c>servers</c>, which NSwag fills from the requesting host (so it differs between
    /// the test host and a started API); the generated client takes its base URL from its constructor instead.
    /// </summary>
    public static JsonObject Normalize(string json)
    {
        var document = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("The OpenAPI document is not a JSON object.");
        document.Remove("servers");
        return document;
    }

    /// <summary>The committed file's text: two-space indentation, LF, a final newline.</summary>
    public static string Format(JsonNode document) => document.ToJsonString(Indented) + "\n";

    /// <summary>The JSON path of the first difference, with both values; null when the documents are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                {
                    if (!e.ContainsKey(name) || !a.ContainsKey(name))
                    {
                        return $"{path}.{name}: only in the {(e.ContainsKey(name) ? "committed" : "live")} document";
                    }

                    if (FirstDifference(e[name], a[name], $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count || i >= a.Count)
                    {
                        return $"{path}: {e.Count} items committed, {a.Count} live";
                    }

                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual)
                    ? null
                    : $"{path}: committed {expected?.ToJsonString() ?? "null"}, live {actual?.ToJsonString() ?? "null"}";
        }
    }
}
