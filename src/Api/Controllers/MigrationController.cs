using System.Diagnostics;
using CampaignDashboard.Api.Contracts;
using CampaignDashboard.Api.Logging;
using CampaignDashboard.Api.Security;
using CampaignDashboard.Application.Migration.Queries.GetMigrationCustomers;
using CampaignDashboard.Application.Migration.Queries.GetSegmentMigration;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Controllers;

/// <summary>How customers moved between segments from one date to another, and the customers of each move.</summary>
// Every action can answer these (authentication, rate limits, failures, an unavailable database).
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
[ApiController]
[Route("api/campaign/segment-migration")]
public sealed class MigrationController(IMediator mediator, ILogger<MigrationController> logger) : ControllerBase
{
    /// <summary>The flows between the segments of two snapshots, with NOT ACTIVE on either side, and each side's totals.</summary>
    /// <remarks>
    /// A snapshot at date D: the customers with a transaction in (D - window_days, D] (without window_days: on or before
    /// D), scored with as-of date D and segmented. A customer counts when it is in at least one snapshot.
    /// </remarks>
    /// <response code="200">The flows and totals.</response>
    /// <response code="400">A parameter is invalid; `errors` names each one and why.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    /// <response code="503">The database is unreachable, locked or too slow; retry after the Retry-After header's seconds.</response>
    [HttpGet]
    [ProducesResponseType<SegmentMigrationDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<SegmentMigrationDto>> GetSegmentMigration([FromQuery] MigrationQueryParameters parameters, CancellationToken cancellationToken) =>
        await mediator.Send(parameters.ToQuery(), cancellationToken);

    /// <summary>One page of the customers of one flow, e.g. from_segment=Champions and to_segment=NOT ACTIVE.</summary>
    /// <remarks>With authentication on, needs the scope or role of Authorization:CustomerDataScope (names and mobiles).</remarks>
    /// <response code="200">The page, and the flow's total.</response>
    /// <response code="400">A parameter is invalid; `errors` names each one and why.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="403">The token lacks the customer-data scope or role.</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    /// <response code="503">The database is unreachable, locked or too slow; retry after the Retry-After header's seconds.</response>
    [HttpGet("customers")]
    [Authorize(Policy = CustomerDataAuthorization.Policy)]
    [ProducesResponseType<FlowCustomersPageDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<ActionResult<FlowCustomersPageDto>> GetMigrationCustomers([FromQuery] FlowQueryParameters parameters, CancellationToken cancellationToken)
    {
        Response.GetTypedHeaders().CacheControl = new Microsoft.Net.Http.Headers.CacheControlHeaderValue { Private = true, NoStore = true };
        return await mediator.Send(parameters.ToCustomersQuery(), cancellationToken);
    }

    /// <summary>Every customer of one flow as CSV, streamed: a win-back campaign is one export.</summary>
    /// <remarks>Rules of the customers export: formula-safe text cells, an attachment named after the flow, an audit event.</remarks>
    /// <response code="200">The CSV file.</response>
    /// <response code="400">A parameter is invalid (page and page_size are not taken here); `errors` names each one.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="403">The token lacks the customer-data scope or role.</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    /// <response code="503">The database is unreachable, locked or too slow; retry after the Retry-After header's seconds.</response>
    [HttpGet("customers/export")]
    [Authorize(Policy = CustomerDataAuthorization.Policy)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task ExportMigrationCustomers([FromQuery] FlowQueryParameters parameters, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var export = await mediator.Send(parameters.ToExportQuery(), cancellationToken);
        var count = await CsvDownload.SendAsync(Response, export.FileName, CustomerCsv.FlowHeader, export.Rows, CustomerCsv.WriteFlowRow, cancellationToken);
        AuditLog.Export(logger, HttpContext, "segment migration", count, started);
    }
}
