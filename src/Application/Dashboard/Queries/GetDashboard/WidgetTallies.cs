namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

// What the handler assembles from the widget rows with the domain's categories and labels, before the
// mapping profile derives percentages and rounds. WidgetTotal is the widget's own customer total.

internal sealed record ScoreTally(int Score, string Label, long Customers, long WidgetTotal);

internal sealed record BucketTally(string Label, long Customers, long WidgetTotal);

internal sealed record SegmentTally(string Label, long Customers, long WidgetTotal, decimal Spend);

internal sealed record FiscalYearTally(string FiscalYear, long TotalCustomers, long NewCustomers);
