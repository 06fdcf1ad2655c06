using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Migration.Common;
using CampaignDashboard.Application.Migration.Queries.ExportMigrationCustomers;
using CampaignDashboard.Application.Migration.Queries.GetMigrationCustomers;
using CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The query string of GET /api/campaign/segment-migration (contract section 9).</summary>
public class MigrationQueryParameters
{
    /// <summary>The first snapshot's date, YYYY-MM-DD (required; before to_date).</summary>
    [FromQuery(Name = MigrationParameters.FromDateName)]
    public string? FromDate { get; init; }

    /// <summary>The second snapshot's date, YYYY-MM-DD (required).</summary>
    [FromQuery(Name = MigrationParameters.ToDateName)]
    public string? ToDate { get; init; }

    /// <summary>A snapshot at date D holds the customers with a transaction in (D - window_days, D]; without it, on or before D. 1 to 3650.</summary>
    [FromQuery(Name = MigrationParameters.WindowDaysName)]
    public string? WindowDays { get; init; }

    /// <summary>The segment scheme; default Segmentation:DefaultScheme.</summary>
    [FromQuery(Name = FilterParameterNames.SegmentScheme)]
    public string? SegmentScheme { get; init; }

    /// <summary>How scores are cut in each snapshot: ntile or ties; default Scoring:DefaultMethod.</summary>
    [FromQuery(Name = FilterParameterNames.ScoreMethod)]
    public string? ScoreMethod { get; init; }

    /// <summary>Only the customer whose stored mobile has these digits (scores stay those of the whole snapshot).</summary>
    [FromQuery(Name = FilterParameterNames.CustomerMobile)]
    public string? CustomerMobile { get; init; }

    /// <summary>Only customers whose name contains this text, ignoring case (scores stay those of the whole snapshot).</summary>
    [FromQuery(Name = FilterParameterNames.CustomerName)]
    public string? CustomerName { get; init; }

    public GetSegmentMigrationQuery ToQuery() => With(new GetSegmentMigrationQuery());

    protected TQuery With<TQuery>(TQuery query)
        where TQuery : MigrationParameters => query with
    {
        FromDate = FromDate,
        ToDate = ToDate,
        WindowDays = WindowDays,
        SegmentScheme = SegmentScheme,
        ScoreMethod = ScoreMethod,
        CustomerMobile = CustomerMobile,
        CustomerName = CustomerName,
    };
}

/// <summary>The query string of GET /api/campaign/segment-migration/customers: one flow, an order, a page.</summary>
public class FlowQueryParameters : MigrationQueryParameters
{
    /// <summary>The flow's first-snapshot label: a segment of the scheme, or NOT ACTIVE (required).</summary>
    [FromQuery(Name = FlowParameters.FromSegmentName)]
    public string? FromSegment { get; init; }

    /// <summary>The flow's second-snapshot label: a segment of the scheme, or NOT ACTIVE (required).</summary>
    [FromQuery(Name = FlowParameters.ToSegmentName)]
    public string? ToSegment { get; init; }

    /// <summary>Order: customer_id (default), spend_before, spend_after or last_purchase; a leading '-' sorts descending. Ties by customer_id.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>1-based page number; default 1. (Not taken by the export: a 400 there.)</summary>
    [FromQuery(Name = CustomerListParameters.Page)]
    public string? Page { get; init; }

    /// <summary>Customers per page, 1 to 1000; default 100. (Not taken by the export: a 400 there.)</summary>
    [FromQuery(Name = CustomerListParameters.PageSize)]
    public string? PageSize { get; init; }

    public GetMigrationCustomersQuery ToCustomersQuery() =>
        With(new GetMigrationCustomersQuery { FromSegment = FromSegment, ToSegment = ToSegment, Sort = Sort, Page = Page, PageSize = PageSize });

    public ExportMigrationCustomersQuery ToExportQuery() =>
        With(new ExportMigrationCustomersQuery { FromSegment = FromSegment, ToSegment = ToSegment, Sort = Sort, Page = Page, PageSize = PageSize });
}
