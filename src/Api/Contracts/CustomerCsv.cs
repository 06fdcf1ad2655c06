using CampaignDashboard.Application.Customers.Common;
using CampaignDashboard.Application.Migration.Common;
using CsvHelper;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The columns of the exports (contract sections 6 and 9): the list's field names, in order.</summary>
public static class CustomerCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "customer_id", "customer_name", "mobile", "r_score", "f_score", "m_score", "segment", "recency_days", "visits",
        "bills", "units", "spend", "profit", "first_purchase", "last_purchase", "acquired",
        "p_alive", "expected_visits", "expected_spend", "predicted_clv",
    ];

    public static IReadOnlyList<string> FlowHeader { get; } =
        ["customer_id", "customer_name", "mobile", "from_segment", "to_segment", "last_purchase", "spend_before", "spend_after"];

    public static void WriteRow(CsvWriter csv, CustomerDto row)
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
        csv.WriteField(row.FirstPurchase, CsvDownload.DateFormat);
        csv.WriteField(row.LastPurchase, CsvDownload.DateFormat);
        csv.WriteField(row.Acquired, CsvDownload.DateFormat);
        csv.WriteField(row.PAlive, default);
        csv.WriteField(row.ExpectedVisits, default);
        csv.WriteField(row.ExpectedSpend, default);
        csv.WriteField(row.PredictedClv, default);
    }

    public static void WriteFlowRow(CsvWriter csv, FlowCustomerDto row)
    {
        csv.WriteField(row.CustomerId, default);
        csv.WriteField(row.CustomerName);
        csv.WriteField(row.Mobile);
        csv.WriteField(row.FromSegment);
        csv.WriteField(row.ToSegment);
        csv.WriteField(row.LastPurchase, CsvDownload.DateFormat);
        csv.WriteField(row.SpendBefore, default);
        csv.WriteField(row.SpendAfter, default);
    }
}
