using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignDashboard.Api.Tests.Reference;

/// <summary>
/// Structural JSON comparison for oracle tests: numbers compare as decimals (1830 == 1830.00), strings ordinally,
/// arrays by position and length, objects by key set. Each difference is one line naming its JSON path.
/// </summary>
public static class JsonComparer
{
    private static readonly JsonSerializerOptions Display = new()
    {
        // Keep é, >, + readable in failure messages.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare("$", expected, actual, differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        var expectedKind = KindOf(expected);
        var actualKind = KindOf(actual);
        if (expectedKind != actualKind)
        {
            differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
            return;
        }

        switch (expectedKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.Object:
                CompareObjects(path, expected!.AsObject(), actual!.AsObject(), differences);
                return;
            case JsonValueKind.Array:
                CompareArrays(path, expected!.AsArray(), actual!.AsArray(), differences);
                return;
            case JsonValueKind.Number:
                if (!NumbersEqual(expected!, actual!))
                {
                    differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
                }
                return;
            case JsonValueKind.String:
                if (!string.Equals(expected!.GetValue<string>(), actual!.GetValue<string>(), StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
                }
                return;
            default:
                // True / False: equal kinds mean equal values.
                return;
        }
    }

    private static void CompareObjects(string path, JsonObject expected, JsonObject actual, List<string> differences)
    {
        foreach (var (key, expectedValue) in expected)
        {
            var childPath = path + "." + key;
            if (!ContainsKeyOrdinal(actual, key))
            {
                differences.Add($"{childPath}: expected {Show(expectedValue)}, actual is missing");
                continue;
            }
            Compare(childPath, expectedValue, ValueOfKeyOrdinal(actual, key), differences);
        }
        foreach (var (key, actualValue) in actual)
        {
            if (!ContainsKeyOrdinal(expected, key))
            {
                differences.Add($"{path}.{key}: expected no such property, actual {Show(actualValue)}");
            }
        }
    }

    private static void CompareArrays(string path, JsonArray expected, JsonArray actual, List<string> differences)
    {
        if (expected.Count != actual.Count)
        {
            differences.Add($"{path}: expected {expected.Count} items, actual {actual.Count} items");
        }
        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            Compare(path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", expected[i], actual[i], differences);
        }
        for (var i = common; i < expected.Count; i++)
        {
            differences.Add($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]: expected {Show(expected[i])}, actual is missing");
        }
        for (var i = common; i < actual.Count; i++)
        {
            differences.Add($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]: expected no such item, actual {Show(actual[i])}");
        }
    }

    // JsonObject may be built with a case-insensitive comparer; property names here must match exactly.
    private static bool ContainsKeyOrdinal(JsonObject obj, string key) =>
        obj.Any(pair => string.Equals(pair.Key, key, StringComparison.Ordinal));

    private static JsonNode? ValueOfKeyOrdinal(JsonObject obj, string key) =>
        obj.First(pair => string.Equals(pair.Key, key, StringComparison.Ordinal)).Value;

    // True and False are distinct kinds, so a boolean mismatch shows up as a kind mismatch.
    private static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    /// <summary>Numbers are compared by their decimal value; text that does not fit a decimal compares verbatim.</summary>
    private static bool NumbersEqual(JsonNode expected, JsonNode actual)
    {
        var expectedText = expected.ToJsonString();
        var actualText = actual.ToJsonString();
        if (decimal.TryParse(expectedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && decimal.TryParse(actualText, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
        {
            return e == a;
        }
        return string.Equals(expectedText, actualText, StringComparison.Ordinal);
    }

    private static string Show(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }
        var text = node.ToJsonString(Display);
        return text.Length <= 200 ? text : text[..200] + "...";
    }
}
