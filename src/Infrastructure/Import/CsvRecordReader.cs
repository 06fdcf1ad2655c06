using System.Text;

namespace CampaignDashboard.Infrastructure.Import;

/// <summary>One CSV record: its fields and the (1-based) line it starts on.</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string?> Fields);

/// <summary>A CSV record the reader could not make sense of, with where it starts.</summary>
public sealed class CsvFormatException(long line, string reason) : Exception($"line {line}: {reason}")
{
    public long Line { get; } = line;

    public string Reason { get; } = reason;
}

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks; an empty unquoted
/// field is null (the contract's "empty field = null"), an empty quoted field is "".
/// </summary>
public static class CsvRecordReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        var quoted = false;
        var inQuotes = false;
        var atFieldStart = true;

        while (true)
        {
            var next = reader.Read();
            if (inQuotes)
            {
                switch (next)
                {
                    case -1:
                        throw new CsvFormatException(recordLine, "unterminated quoted field");
                    case '"' when reader.Peek() == '"':
                        reader.Read();
                        field.Append('"');
                        break;
                    case '"':
                        inQuotes = false;
                        break;
                    default:
                        if (next == '\n')
                        {
                            line++;
                        }

                        field.Append((char)next);
                        break;
                }

                continue;
            }

            switch (next)
            {
                case '"' when atFieldStart:
                    inQuotes = quoted = true;
                    atFieldStart = false;
                    break;
                case '"':
                    throw new CsvFormatException(line, "a quote inside an unquoted field");
                case ',':
                    EndField();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r' or -1:
                    if (next == -1 && fields.Count == 0 && atFieldStart)
                    {
                        yield break;
                    }

                    EndField();
                    // A blank line carries no record.
                    if (fields.Count > 1 || fields[0] is not null)
                    {
                        yield return new CsvRecord(recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    if (next == -1)
                    {
                        yield break;
                    }

                    line++;
                    recordLine = line;
                    break;
                default:
                    if (quoted)
                    {
                        throw new CsvFormatException(line, "text after a closing quote");
                    }

                    atFieldStart = false;
                    field.Append((char)next);
                    break;
            }
        }

        void EndField()
        {
            fields.Add(field.Length == 0 && !quoted ? null : field.ToString());
            field.Clear();
            quoted = false;
            atFieldStart = true;
        }
    }
}
