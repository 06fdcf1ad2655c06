using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CampaignDashboard.Application.Data;

namespace CampaignDashboard.Infrastructure.Import;

/// <summary>
/// The import format of the contract (section 1): a header row with the relation's column names (any order),
/// UTF-8, RFC 4180 quoting, '.' as decimal separator, dates as YYYY-MM-DD (a YYYY-MM-DDTHH:MM[:SS] value keeps
/// its date part), empty field = null. A bad row becomes an error naming its line, column and reason.
/// </summary>
public static partial class CampaignCsv
{
    public static readonly IReadOnlyList<string> CustomerColumns = ["customer_id", "customer_name", "mobile", "registration_date"];

    public static readonly IReadOnlyList<string> TransactionColumns =
        ["transaction_id", "customer_id", "transaction_date", "amount", "quantity", "profit"];

    private const int MaxNameLength = 200;
    private const int MaxMobileLength = 20;
    private const decimal MaxAmount = 9_999_999_999_999_999.99m; // DECIMAL(18, 2)

    public static IEnumerable<SourceRow<CustomerRecord>> ReadCustomers(TextReader reader, string source) =>
        Read(reader, source, CustomerColumns, "customer_id", row => new CustomerRecord(
            row.Id("customer_id"),
            row.Text("customer_name", MaxNameLength),
            row.Text("mobile", MaxMobileLength),
            row.OptionalDate("registration_date")));

    public static IEnumerable<SourceRow<TransactionRecord>> ReadTransactions(TextReader reader, string source) =>
        Read(reader, source, TransactionColumns, "transaction_id", row => new TransactionRecord(
            row.Id("transaction_id"),
            row.Id("customer_id"),
            row.Date("transaction_date"),
            row.Money("amount") ?? throw Row.Missing("amount"),
            row.Quantity("quantity"),
            row.Money("profit")));

    public static void WriteCustomers(TextWriter writer, IEnumerable<CustomerRecord> customers)
    {
        writer.Write(string.Join(',', CustomerColumns) + "\n");
        foreach (var c in customers)
        {
            writer.Write($"{c.CustomerId.ToString(CultureInfo.InvariantCulture)},{Quote(c.CustomerName)},{Quote(c.Mobile)},{Format(c.RegistrationDate)}\n");
        }
    }

    public static void WriteTransactions(TextWriter writer, IEnumerable<TransactionRecord> transactions)
    {
        writer.Write(string.Join(',', TransactionColumns) + "\n");
        foreach (var t in transactions)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{t.TransactionId},{t.CustomerId},{Format(t.TransactionDate)},{t.Amount},{t.Quantity},{t.Profit}\n"));
        }
    }

    private static IEnumerable<SourceRow<T>> Read<T>(TextReader reader, string source, IReadOnlyList<string> columns, string idColumn, Func<Row, T> parse)
        where T : class
    {
        using var records = CsvRecordReader.Read(reader).GetEnumerator();
        var (header, error) = Next(records, source);
        error ??= header is null
            ? new ImportError(source, 1, "header", $"missing; expected {string.Join(",", columns)}")
            : HeaderError(header, columns, source);
        if (error is not null)
        {
            yield return SourceRow.Invalid<T>(error);
            yield break;
        }

        var positions = header!.Fields.Select((name, i) => (Name: Clean(name), Position: i)).ToDictionary(p => p.Name, p => p.Position, StringComparer.Ordinal);
        while (true)
        {
            (var record, error) = Next(records, source);
            if (error is not null)
            {
                yield return SourceRow.Invalid<T>(error);
                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            if (record.Fields.Count != columns.Count)
            {
                yield return SourceRow.Invalid<T>(new ImportError(source, record.Line, "row", $"expected {columns.Count} fields, found {record.Fields.Count}"));
                continue;
            }

            SourceRow<T> row;
            try
            {
                row = SourceRow.Valid(source, record.Line, parse(new Row(record, positions)));
            }
            catch (FieldException e)
            {
                row = SourceRow.Invalid<T>(new ImportError(source, record.Line, e.Column, e.Message), IdOf(new Row(record, positions), idColumn));
            }

            yield return row;
        }
    }

    /// <summary>The id of a rejected row, when that field itself is readable.</summary>
    private static long? IdOf(Row row, string idColumn)
    {
        try
        {
            return row.Id(idColumn);
        }
        catch (FieldException)
        {
            return null;
        }
    }

    /// <summary>The next record, null at the end; an unreadable one (an unterminated quote) is an error that ends the file.</summary>
    private static (CsvRecord? Record, ImportError? Error) Next(IEnumerator<CsvRecord> records, string source)
    {
        try
        {
            return (records.MoveNext() ? records.Current : null, null);
        }
        catch (CsvFormatException e)
        {
            return (null, new ImportError(source, e.Line, "row", e.Reason));
        }
    }

    /// <summary>A header name as written, without surrounding spaces or a UTF-8 byte order mark.</summary>
    private static string Clean(string? name) => name?.Trim().TrimStart('\uFEFF') ?? string.Empty;

    private static ImportError? HeaderError(CsvRecord header, IReadOnlyList<string> columns, string source)
    {
        var names = header.Fields.Select(Clean).ToArray();
        var missing = columns.Except(names, StringComparer.Ordinal).ToArray();
        var unknown = names.Except(columns, StringComparer.Ordinal).ToArray();
        var duplicated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (missing.Length == 0 && unknown.Length == 0 && duplicated.Length == 0)
        {
            return null;
        }

        var problems = new[]
        {
            missing.Length > 0 ? $"missing {string.Join(", ", missing)}" : null,
            unknown.Length > 0 ? $"unknown {string.Join(", ", unknown.Select(u => $"'{u}'"))}" : null,
            duplicated.Length > 0 ? $"repeated {string.Join(", ", duplicated)}" : null,
        };
        return new ImportError(source, header.Line, "header",
            $"{string.Join("; ", problems.Where(p => p is not null))}; expected {string.Join(",", columns)}");
    }

    private static string Quote(string? value) => value switch
    {
        null => string.Empty,
        "" => "\"\"",
        _ when value.AsSpan().IndexOfAny(",\"\r\n") >= 0 => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        _ => value,
    };

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex IntegerPattern();

    private sealed class FieldException(string column, string reason) : Exception(reason)
    {
        public string Column { get; } = column;
    }

    /// <summary>One record's fields by column name, with the contract's parsing rules.</summary>
    private readonly struct Row(CsvRecord record, Dictionary<string, int> positions)
    {
        private string? Raw(string column) => record.Fields[positions[column]];

        public static FieldException Missing(string column) => new(column, "missing (the column is required)");

        public long Id(string column) =>
            Raw(column) is not { } text ? throw Missing(column)
            : IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id
            : throw new FieldException(column, $"'{Shorten(text)}' is not a whole number");

        public int Quantity(string column) =>
            Raw(column) is not { } text ? throw Missing(column)
            : IntegerPattern().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity) ? quantity
            : throw new FieldException(column, $"'{Shorten(text)}' is not a whole number within the INT range");

        public string? Text(string column, int maxLength) =>
            Raw(column) is { Length: > 0 } text && text.Length > maxLength
                ? throw new FieldException(column, $"longer than {maxLength} characters ({text.Length})")
                : Raw(column);

        public DateOnly Date(string column) => OptionalDate(column) ?? throw Missing(column);

        public DateOnly? OptionalDate(string column) =>
            Raw(column) is not { } text ? null
            : DatePattern().IsMatch(text) && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new FieldException(column, $"'{Shorten(text)}' is not a real date in the form YYYY-MM-DD");

        public decimal? Money(string column)
        {
            if (Raw(column) is not { } text)
            {
                return null;
            }

            if (!DecimalPattern().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new FieldException(column, $"'{Shorten(text)}' is not a number (digits, an optional '-' and '.' as the decimal separator)");
            }

            return value.Scale > 2 ? throw new FieldException(column, $"'{Shorten(text)}' has more than 2 decimals")
                : Math.Abs(value) > MaxAmount ? throw new FieldException(column, $"'{Shorten(text)}' is outside DECIMAL(18,2)")
                : value;
        }

        private static string Shorten(string text)
        {
            var printable = new StringBuilder();
            foreach (var ch in text.Take(40))
            {
                printable.Append(char.IsControl(ch) ? '?' : ch);
            }

            return text.Length > 40 ? printable + "..." : printable.ToString();
        }
    }
}
