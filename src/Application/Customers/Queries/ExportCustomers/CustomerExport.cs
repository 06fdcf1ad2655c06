using CampaignDashboard.Application.Customers.Common;

namespace CampaignDashboard.Application.Customers.Queries.ExportCustomers;

/// <summary>An export about to stream: its file name, and its rows, read from the database as they are enumerated.</summary>
/// <param name="FileName">customers-&lt;as-of date&gt;[-&lt;segments&gt;].csv</param>
public sealed record CustomerExport(DateOnly? AsOfDate, string FileName, IAsyncEnumerable<CustomerDto> Rows);
