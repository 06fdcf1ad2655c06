using System.Globalization;
using System.Net;
using System.Text;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>
/// Deterministic hostile query strings for GET /api/campaign/dashboard: SQL meta-characters and injection attempts,
/// quotes and comments, unicode look-alikes, bidi and zero-width characters, control characters, overlong values,
/// repeated and unknown parameters, odd encodings (double, overlong UTF-8, lone surrogates, broken escapes, %u).
/// </summary>
public static class HostileQueries
{
    public static readonly string[] Parameters =
        ["start_date", "end_date", "customer_mobile", "customer_name", "r_value_bucket", "f_value_bucket", "m_value_bucket"];

    private static readonly string[] UnknownParameters =
    [
        "foo", "$filter", "$orderby", "__proto__", "constructor", "sort", "page", "limit", "select", "customer_id", "mobile",
        "name", "' OR 1=1 --", "customer", "q", "parameters", "parameters.StartDate", "StartDate", "CustomerName", "a[b][c]",
        "customer_mobile_", "_customer_name", "r_value_bucket[]", "%00", "%", "", " ", "\u0000", "\u202E", "имя", "名前",
        new string('x', 300),
    ];

    private static readonly string[] Atoms =
    [
        // SQL meta-characters, comments, injection attempts for DuckDB and T-SQL
        "'", "''", "\"", "`", ";", "--", "/*", "*/", "/**/", "#", "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"",
        "1; DROP TABLE campaign.transactions; --", "'); DELETE FROM campaign.customers; --",
        "x' UNION SELECT customer_name, mobile FROM campaign.customers --", "' UNION ALL SELECT NULL,NULL,NULL--",
        "';UPDATE campaign.transactions SET amount=0;--", "1 OR 1=1", "1) OR (1=1", "0x27", "CHAR(39)", "chr(39)", "$1", "$$",
        "$tag$ x $tag$", "@p0", "@@version", "?", ":name", "%", "_", "[", "]", "[a-z]", "[^a]", "^", "\\", "\\'", "E'\\x27'",
        "'||(SELECT 1)||'", "WAITFOR DELAY '0:0:5'", "pg_sleep(5)", "SELECT * FROM read_csv('/etc/passwd')",
        "ATTACH '/tmp/evil.duckdb' AS evil", "COPY campaign.customers TO '/tmp/leak.csv'", "INSTALL httpfs; LOAD httpfs;",
        "PRAGMA database_list", "CALL pragma_version()", "SET memory_limit='1KB'", "'; EXEC xp_cmdshell 'dir'; --",
        "'; SHUTDOWN WITH NOWAIT; --", "%' AND 1=0 UNION SELECT '1", "' ESCAPE '\\", "a%b_c[d]", "%%%%", "____",

        // quotes and look-alikes, unicode, bidi, zero-width, case folding, digits of other scripts
        "\u02BC", "\uFF07", "\u2032", "\u2018\u2019\u201C\u201D", "\u2028", "\u2029", "\u202E", "\u200B", "\u200D", "\uFEFF",
        "\U0001D7D8\U0001D7D9", "\U0001F600", "\U0001F9E8'", "\u03A9", "\u00DF", "\u0130", "\uFB01", "e\u0301", "\u0000",
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17",
        "\u0967\u0968\u0969\u096A\u096B\u096C\u096D", "\u00B2\u00B3\u00B9\u00BC", "Ⅻ", "\uFFFD", "\uFFFF", "\uE000",

        // control characters
        "\t", "\n", "\r\n", "\u001b[31m", "\u007f", "\u0085", "\b", "\f", "\v",

        // numbers, dates, bucket labels and their near misses
        "NaN", "Infinity", "-1", "0", "99999999999999999999999", "1e309", "2024-02-30", "0000-00-00", "9999-12-31",
        "0001-01-01", "-2024-01-01", "+2024-01-01", "2024-01-01T00:00:00Z", "2024-1-1", "2024/01/01", "20240101",
        "\uFF12\uFF10\uFF12\uFF14-01-01", "2024-01-01'--", " 2024-01-01 ", "2024-01-01\u0000", "10+", ">5000", "1-200",
        "1-200,200-400", ",,,,", "1-200,1-200", "10 ", " 1", "+44 7700 900123", "(+44) 7700-900-123", "447700900123",
        "4477009001230000000", "0770 090 0123", "+", "++", "--1",

        // other injection families and oddities
        "null", "undefined", "true", "[]", "{}", "{\"$gt\":\"\"}", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
        "{{7*7}}", "../../etc/passwd", "..%2f..%2f", "C:\\Windows\\win.ini", "%s%s%s%n", "%x", "\\u0000", "=", "&", "?", "#x",
    ];

    // Raw (already percent-encoded) byte sequences: overlong UTF-8, surrogates, out of range, broken escapes, %u.
    private static readonly string[] RawEncodings =
    [
        "%C0%A7", "%E0%80%A7", "%C0%AE%C0%AE%2F", "%ED%A0%80", "%ED%BF%BF", "%FF", "%FE%FF", "%F4%90%80%80", "%F8%88%80%80%80",
        "%u0027", "%u2032", "%", "%%", "%2", "%G0", "%zz", "%00", "%0a", "%0D%0A", "%1b", "%7F", "%E2%80%AE", "%EF%BB%BF",
        "%2527", "%252527", "%25", "%2B", "%26", "%3D", "%23", "%3B", "%27%20OR%201%3D1--", "%C2%A0", "%E3%80%80", "+%2B+",
    ];

    /// <summary><paramref name="count"/> query strings (without the '?'), the same for the same seed.</summary>
    public static IReadOnlyList<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            queries.Add(random.Next(20) switch
            {
                0 => Repeated(random),
                1 => Overlong(random),
                2 => Structural(random),
                _ => Mixed(random),
            });
        }

        return queries;
    }

    private static string Mixed(Random random)
    {
        var pairs = Enumerable.Range(0, random.Next(1, 7)).Select(_ => Name(random) + "=" + Value(random));
        return string.Join(random.Next(15) == 0 ? "&&" : "&", pairs);
    }

    private static string Repeated(Random random)
    {
        var name = Parameters[random.Next(Parameters.Length)];
        var times = random.Next(2, random.Next(3) == 0 ? 400 : 20);
        return string.Join("&", Enumerable.Range(0, times).Select(_ => name + "=" + Encode(random, Pick(random, Atoms))));
    }

    private static string Overlong(Random random)
    {
        var name = Parameters[random.Next(Parameters.Length)];
        var length = new[] { 101, 256, 1_000, 4_097, 8_193, 20_000 }[random.Next(6)];
        var unit = Pick(random, Atoms);
        var value = new StringBuilder(length + unit.Length);
        while (value.Length < length)
        {
            value.Append(unit.Length == 0 ? "a" : unit);
        }

        var text = value.ToString(0, length);
        if (char.IsHighSurrogate(text[^1]))
        {
            text = text[..^1]; // never cut a pair in two
        }

        return name + "=" + Encode(random, text);
    }

    private static string Structural(Random random) => random.Next(12) switch
    {
        0 => "&&&",
        1 => "=",
        2 => "==&=x&x=",
        3 => Parameters[random.Next(Parameters.Length)],
        4 => Parameters[random.Next(Parameters.Length)] + "=a=b=c",
        5 => ";" + Parameters[random.Next(Parameters.Length)] + "=1;drop=1",
        6 => "&" + Mixed(random) + "&",
        7 => Mixed(random) + "#" + Mixed(random),
        8 => Name(random) + "[0]=" + Value(random) + "&" + Name(random) + "[1]=" + Value(random),
        9 => string.Concat(Enumerable.Range(0, 50).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture) + "=1&")),
        10 => Uri.EscapeDataString(Mixed(random)),
        _ => Mixed(random).Replace('&', ';'),
    };

    private static string Name(Random random)
    {
        if (random.Next(6) == 0)
        {
            return Encode(random, Pick(random, UnknownParameters));
        }

        var name = Parameters[random.Next(Parameters.Length)];
        return random.Next(10) switch
        {
            0 => name.ToUpperInvariant(),
            1 => string.Concat(name.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)),
            2 => name.Replace("_", "%5F", StringComparison.Ordinal),
            3 => string.Concat(Encoding.UTF8.GetBytes(name).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture))),
            4 => name + "%20",
            5 => "%20" + name,
            6 => name + "%00",
            _ => name,
        };
    }

    private static string Value(Random random) => random.Next(8) switch
    {
        0 => Pick(random, RawEncodings),
        1 => Encode(random, Pick(random, Atoms)) + Pick(random, RawEncodings) + Encode(random, Pick(random, Atoms)),
        2 => Encode(random, RandomText(random, random.Next(0, 120))),
        3 => Encode(random, Pick(random, Atoms) + Pick(random, Atoms) + Pick(random, Atoms)),
        4 => Encode(random, ValidLooking(random) + Pick(random, Atoms)),
        _ => Encode(random, Pick(random, Atoms)),
    };

    private static string ValidLooking(Random random) => random.Next(4) switch
    {
        0 => "2024-0" + random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + "-1" + random.Next(0, 10).ToString(CultureInfo.InvariantCulture),
        1 => "4477009" + random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
        2 => new[] { "1-200", "10+", ">5000", "3", "1000-2000" }[random.Next(5)],
        _ => "Customer ",
    };

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "aZ09 '\"`;-/*%_[]\\$@?:,.()<>=&#+!|^~{}\t\n\r\u0000\u001b\u007f\u00e9\u0130\u02bc\u200b\u202e\uff07\ufeff";
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            if (random.Next(30) == 0)
            {
                text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)));
            }
            else
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }
        }

        return text.ToString();
    }

    /// <summary>One of: raw (the URI class escapes what it must), percent-encoded, form-encoded, double-encoded, every byte encoded.</summary>
    private static string Encode(Random random, string value) => random.Next(6) switch
    {
        0 when !value.Contains('#', StringComparison.Ordinal) => value,
        1 => WebUtility.UrlEncode(value),
        2 => Uri.EscapeDataString(Uri.EscapeDataString(value)),
        3 => string.Concat(Encoding.UTF8.GetBytes(value).Select(b => "%" + b.ToString(random.Next(2) == 0 ? "X2" : "x2", CultureInfo.InvariantCulture))),
        _ => Uri.EscapeDataString(value),
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
