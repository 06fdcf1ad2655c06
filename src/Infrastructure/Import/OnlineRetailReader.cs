using System.Globalization;
using CampaignDashboard.Application.Data;

namespace CampaignDashboard.Infrastructure.Import;

/// <summary>
/// Reads the UCI Online Retail layout (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
/// CustomerID, Country) into the campaign relations: one customer per CustomerID (no name, mobile or
/// registration date in this source), one transaction per invoice with amount = sum of quantity x unit price
/// and quantity = sum of quantities, no profit. Lines without a CustomerID are dropped (they cannot be
/// attributed to anyone). A cancellation invoice "C536379" becomes transaction -536379 so that it can never
/// collide with invoice 536379.
/// </summary>
public static class OnlineRetailReader
{
    public static readonly IReadOnlyList<string> Header =
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    /// <summary>Reads the whole file (invoices are not contiguous in it); a bad line rejects the file.</summary>
    public static OnlineRetailData Read(TextReader reader, string fileName)
    {
        try
        {
            return ReadInvoices(reader, fileName);
        }
        catch (CsvFormatException e)
        {
            throw Reject(fileName, e.Line, "row", e.Reason);
        }
    }

    private static OnlineRetailData ReadInvoices(TextReader reader, string fileName)
    {
        var invoices = new Dictionary<long, Invoice>();
        var droppedLines = 0;
        using var records = CsvRecordReader.Read(reader).GetEnumerator();
        if (!records.MoveNext() || !records.Current.Fields.SequenceEqual(Header))
        {
            throw Reject(fileName, 1, "header", $"expected {string.Join(",", Header)}");
        }

        while (records.MoveNext())
        {
            var record = records.Current;
            string Field(int index, string column) =>
                record.Fields.Count == Header.Count
                    ? record.Fields[index] ?? string.Empty
                    : throw Reject(fileName, record.Line, column, $"expected {Header.Count} fields, found {record.Fields.Count}");

            var customerText = Field(6, "CustomerID");
            if (string.IsNullOrWhiteSpace(customerText))
            {
                droppedLines++;
                continue;
            }

            var invoiceId = InvoiceId(Field(0, "InvoiceNo"), fileName, record.Line);
            var customerId = (long)Parse(customerText, "CustomerID", fileName, record.Line);
            var quantity = (int)Parse(Field(3, "Quantity"), "Quantity", fileName, record.Line);
            var unitPrice = Parse(Field(5, "UnitPrice"), "UnitPrice", fileName, record.Line);
            var dateText = Field(4, "InvoiceDate");
            if (dateText.Length < 10 || !DateOnly.TryParseExact(dateText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Reject(fileName, record.Line, "InvoiceDate", $"'{dateText}' is not a YYYY-MM-DD date");
            }

            if (!invoices.TryGetValue(invoiceId, out var invoice))
            {
                invoices[invoiceId] = invoice = new Invoice(customerId, date);
            }

            invoice.Amount += quantity * unitPrice;
            invoice.Quantity += quantity;
        }

        return new OnlineRetailData(
            invoices.Values.Select(i => i.CustomerId).Distinct().Order().Select(id => new CustomerRecord(id, null, null, null)).ToArray(),
            invoices.OrderBy(i => i.Key)
                .Select(i => new TransactionRecord(i.Key, i.Value.CustomerId, i.Value.Date, Math.Round(i.Value.Amount, 2, MidpointRounding.AwayFromZero), i.Value.Quantity, null))
                .ToArray(),
            droppedLines);
    }

    private static long InvoiceId(string invoiceNo, string fileName, long line)
    {
        var cancellation = invoiceNo.StartsWith('C');
        var digits = cancellation ? invoiceNo[1..] : invoiceNo;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? cancellation ? -number : number
            : throw Reject(fileName, line, "InvoiceNo", $"'{invoiceNo}' is not an invoice number (digits, 'C' for a cancellation)");
    }

    private static decimal Parse(string text, string column, string fileName, long line) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Reject(fileName, line, column, $"'{text}' is not a number");

    private static ImportRejectedException Reject(string fileName, long line, string column, string reason) =>
        new([new ImportError(fileName, line, column, reason)], moreErrors: false);

    private sealed class Invoice(long customerId, DateOnly date)
    {
        public long CustomerId { get; } = customerId;

        public DateOnly Date { get; } = date;

        public decimal Amount { get; set; }

        public int Quantity { get; set; }
    }
}

/// <summary>What an Online Retail file becomes, and how many lines without a customer were dropped.</summary>
public sealed record OnlineRetailData(
    IReadOnlyList<CustomerRecord> Customers, IReadOnlyList<TransactionRecord> Transactions, int DroppedLinesWithoutCustomer);
