using CampaignDashboard.Application.Migration.Common;
using Mediator;

namespace CampaignDashboard.Application.Migration.Queries.ExportMigrationCustomers;

/// <summary>Every customer of one flow, in an order, as a stream: a win-back campaign is one export.</summary>
public sealed record ExportMigrationCustomersQuery : FlowParameters, IQuery<FlowExport>
{
    /// <summary>Not taken here (an export has every row): given, it is a 400.</summary>
    public string? Page { get; init; }

    /// <summary>Not taken here (an export has every row): given, it is a 400.</summary>
    public string? PageSize { get; init; }
}

/// <summary>A flow's export about to stream: its file name and its rows, read as they are enumerated.</summary>
public sealed record FlowExport(string FileName, IAsyncEnumerable<FlowCustomerDto> Rows);
