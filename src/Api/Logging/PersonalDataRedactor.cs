using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Logging;

/// <summary>
/// Keeps customers' mobile numbers and names out of the logs. Runs as the last Serilog enricher, so it sees every
/// property of every event (request logging, ASP.NET Core's own events, ours) and rewrites:
/// <list type="bullet">
/// <item>properties named like a mobile or a customer name (CustomerMobile, customer_name, Mobile, nested too);</item>
/// <item>the value of any customer_mobile / customer_name parameter inside a query-string-like text, whatever its
/// case or percent-encoding (ASP.NET Core's "Request starting" event carries the whole query string);</item>
/// <item>while a request is being served, its own customer_mobile / customer_name values (decoded, encoded, and the
/// bare digits of the mobile) wherever they occur in a property.</item>
/// </list>
/// The rendered message is built from the properties, so it is clean too. Message templates are constants in this
/// code base; exception messages come from the database engines, whose statements carry values as parameters.
/// </summary>
public sealed partial class PersonalDataRedactor(IHttpContextAccessor httpContextAccessor) : ILogEventEnricher
{
    public const string Redacted = "[redacted]";

    /// <summary>The query parameters whose values are personal data.</summary>
    public static readonly IReadOnlyList<string> SensitiveParameters = ["customer_mobile", "customer_name"];

    private const int ShortestValueRedactedEverywhere = 3;
    private static readonly object ValuesKey = new();

    // Compared after lower-casing and removing '_', '-', '.', '[', ']' and spaces.
    private static readonly HashSet<string> SensitivePropertyNames = ["customermobile", "customername", "mobile"];
    private static readonly string[] SensitiveParameterStems = ["customermobile", "customername"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var requestValues = CurrentRequestValues();
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var redacted = IsSensitiveName(name) ? new ScalarValue(Redacted) : Redact(value, requestValues);
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    /// <summary><paramref name="text"/> with sensitive query parameters' values and <paramref name="values"/> replaced.</summary>
    public static string Scrub(string text, IReadOnlyCollection<string> values)
    {
        var scrubbed = text.Contains('=', StringComparison.Ordinal)
            ? QueryParameter().Replace(text, match => IsSensitiveParameter(match.Groups["name"].Value)
                ? match.Groups["name"].Value + "=" + Redacted
                : match.Value)
            : text;
        foreach (var value in values)
        {
            scrubbed = scrubbed.Replace(value, Redacted, StringComparison.OrdinalIgnoreCase);
        }

        return scrubbed;
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value, IReadOnlyCollection<string> values)
    {
        switch (value)
        {
            case ScalarValue { Value: null or bool }:
                return value;
            case ScalarValue { Value: IFormattable or char } when values.Count == 0:
                // A number or a date can only be personal data by equalling one of the request's values.
                return value;
            case ScalarValue scalar:
                var text = scalar.Value as string ?? Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                var scrubbed = Scrub(text, values);
                return ReferenceEquals(scrubbed, text) || scrubbed == text ? value : new ScalarValue(scrubbed);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => Redact(e, values)).ToArray();
                return elements.Where((e, i) => !ReferenceEquals(e, sequence.Elements[i])).Any() ? new SequenceValue(elements) : value;
            case StructureValue structure:
                var properties = structure.Properties
                    .Select(p => IsSensitiveName(p.Name) ? new LogEventProperty(p.Name, new ScalarValue(Redacted)) : RedactProperty(p, values))
                    .ToArray();
                return properties.Where((p, i) => !ReferenceEquals(p, structure.Properties[i])).Any()
                    ? new StructureValue(properties, structure.TypeTag)
                    : value;
            case DictionaryValue dictionary:
                var entries = dictionary.Elements
                    .Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                        e.Key,
                        e.Key.Value is string key && IsSensitiveName(key) ? new ScalarValue(Redacted) : Redact(e.Value, values)))
                    .ToArray();
                return entries.Zip(dictionary.Elements).Any(pair => !ReferenceEquals(pair.First.Value, pair.Second.Value))
                    ? new DictionaryValue(entries)
                    : value;
            default:
                return value;
        }
    }

    private static LogEventProperty RedactProperty(LogEventProperty property, IReadOnlyCollection<string> values)
    {
        var redacted = Redact(property.Value, values);
        return ReferenceEquals(redacted, property.Value) ? property : new LogEventProperty(property.Name, redacted);
    }

    /// <summary>The current request's mobile and name values in every form they may be logged in (computed once per request).</summary>
    private string[] CurrentRequestValues()
    {
        HttpContext? context;
        try
        {
            context = httpContextAccessor.HttpContext;
            if (context is null)
            {
                return [];
            }

            if (context.Items.TryGetValue(ValuesKey, out var cached) && cached is string[] known)
            {
                return known;
            }

            var values = context.Request.Query
                .Where(p => IsSensitiveParameter(p.Key))
                .SelectMany(p => p.Value)
                .OfType<string>()
                .SelectMany(Forms)
                .Where(v => v.Length >= ShortestValueRedactedEverywhere)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(v => v.Length) // longer forms first, so that no fragment of one survives
                .ToArray();
            context.Items[ValuesKey] = values;
            return values;
        }
        catch (ObjectDisposedException)
        {
            // The request ended while this event was being logged: nothing of it is left to match.
            return [];
        }
    }

    private static IEnumerable<string> Forms(string value)
    {
        var trimmed = value.Trim();
        yield return trimmed;
        yield return Uri.EscapeDataString(trimmed);
        yield return WebUtility.UrlEncode(trimmed);
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 6)
        {
            yield return digits;
        }
    }

    private static bool IsSensitiveName(string name) => SensitivePropertyNames.Contains(Normalize(name));

    private static bool IsSensitiveParameter(string name)
    {
        // Decoded as often as it takes (double-encoded names too), at most a few times.
        var decoded = name;
        for (var i = 0; i < 4 && (decoded.Contains('%', StringComparison.Ordinal) || decoded.Contains('+', StringComparison.Ordinal)); i++)
        {
            var next = Uri.UnescapeDataString(decoded.Replace('+', ' '));
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        var normalized = Normalize(decoded);
        return SensitiveParameterStems.Any(stem => normalized.Contains(stem, StringComparison.Ordinal));
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or '.' or '[' or ']' or ' '))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // name=value inside a query string (or any text shaped like one); the value runs to the next separator.
    [GeneratedRegex(@"(?<name>[^\s=&#?;,""'()<>]+)=(?<value>[^&#\s""'<>]*)", RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();
}
