using CampaignDashboard.Application.Customers.Common;
using CsvHelper;

namespace CampaignDashboard.Api.Contracts;

/// <summary>
/// Writes customers as CSV (contract section 6): a header of the field names, RFC 4180 quoting, UTF-8, '.' decimals,
/// dates as YYYY-MM-DD, text cells that could start a spreadsheet formula escaped with a leading apostrophe (CsvHelper's
/// injection protection, which leaves numbers and dates alone). Each row is written as it arrives, so memory stays
/// flat whatever the number of rows.
/// </summary>
public static class CustomerCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "customer_id", "customer_name", "mobile", "r_score", "f_score", "m_score", "segment", "recency_days", "visits",
        "bills", "units", "spend", "profit", "first_purchase", "last_purchase", "acquired",
        "p_alive", "expected_visits", "expected_spend", "predicted_clv",
    ];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    /// <summary>Writes every row to <paramref name="body"/>; returns how many.</summary>
    public static async Task<long> WriteAsync(Stream body, IAsyncEnumerable<CustomerDto> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        csv.WriteHeader([.. Header]); // a whole record: it ends itself
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            WriteRow(csv, row);
            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    // Text cells (name, mobile, segment) that could start a formula are escaped by the writer (Injection = Escape);
    // numbers and dates are written as values, never altered.
    private static void WriteRow(CsvWriter csv, CustomerDto row)
    {
        csv.WriteField(row.CustomerId, default);
        csv.WriteField(row.CustomerName);
        csv.WriteField(row.Mobile);
        csv.WriteField(row.RScore, default);
        csv.WriteField(row.FScore, default);
        csv.WriteField(row.MScore, default);
        csv.WriteField(row.Segment);
        csv.WriteField(row.RecencyDays, default);
        csv.WriteField(row.Visits, default);
        csv.WriteField(row.Bills, default);
        csv.WriteField(row.Units, default);
        csv.WriteField(row.Spend, default);
        csv.WriteField(row.Profit, default);
        csv.WriteField(row.FirstPurchase, DateFormat);
        csv.WriteField(row.LastPurchase, DateFormat);
        csv.WriteField(row.Acquired, DateFormat);
        csv.WriteField(row.PAlive, default);
        csv.WriteField(row.ExpectedVisits, default);
        csv.WriteField(row.ExpectedSpend, default);
        csv.WriteField(row.PredictedClv, default);
    }

    private const string DateFormat = "yyyy-MM-dd";
}
