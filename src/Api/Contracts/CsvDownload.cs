using CsvHelper;
using Microsoft.Net.Http.Headers;

namespace CampaignDashboard.Api.Contracts;

/// <summary>
/// Sends rows as a CSV attachment (contract section 6): a header of the field names, RFC 4180, UTF-8, '.' decimals,
/// text cells that could start a spreadsheet formula escaped with a leading apostrophe (CsvHelper's injection
/// protection, which leaves numbers and dates alone). Each row is written as the database hands it over, so memory
/// stays flat whatever the number of rows. The first row is read before anything is sent: a database that fails then
/// still gets a problem details answer, not a file cut short.
/// </summary>
public static class CsvDownload
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    /// <summary>Writes every row to the response; returns how many.</summary>
    public static async Task<long> SendAsync<T>(
        HttpResponse response, string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Action<CsvWriter, T> writeRow,
        CancellationToken cancellationToken)
    {
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        var more = await enumerator.MoveNextAsync();

        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Private = true, NoStore = true };

        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        csv.WriteHeader([.. header]); // a whole record: it ends itself
        long count = 0;
        for (; more; more = await enumerator.MoveNextAsync())
        {
            writeRow(csv, enumerator.Current);
            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }
}
