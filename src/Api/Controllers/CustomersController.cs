using System.Diagnostics;
using CampaignDashboard.Api.Contracts;
using CampaignDashboard.Api.Logging;
using CampaignDashboard.Api.Security;
using CampaignDashboard.Application.Customers.Queries.GetCustomers;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CampaignDashboard.Api.Controllers;

/// <summary>The customers behind the dashboard's numbers, to see and to export for a campaign. Personal data.</summary>
// Every action can answer these (authentication, rate limits, failures, an unavailable database).
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
[ApiController]
[Route("api/campaign/customers")]
[Authorize(Policy = CustomerDataAuthorization.Policy)]
public sealed class CustomersController(IMediator mediator, ILogger<CustomersController> logger) : ControllerBase
{
    /// <summary>One page of the customers of the selection: who they are, their scores and segment, their measures.</summary>
    /// <remarks>
    /// Takes the dashboard's filters (scores and segments are those over every customer of the window), an order and a
    /// page. With authentication on, the caller needs the scope or role of Authorization:CustomerDataScope
    /// (default campaign.customers).
    /// </remarks>
    /// <response code="200">The page, and the selection's total.</response>
    /// <response code="400">A parameter is invalid; `errors` names each one and why.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="403">The token lacks the customer-data scope or role.</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    /// <response code="503">The database is unreachable, locked or too slow; retry after the Retry-After header's seconds.</response>
    [HttpGet]
    [ProducesResponseType<CustomersPageDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<ActionResult<CustomersPageDto>> GetCustomers([FromQuery] CustomersQueryParameters parameters, CancellationToken cancellationToken)
    {
        Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Private = true, NoStore = true };
        return await mediator.Send(parameters.ToQuery(), cancellationToken);
    }

    /// <summary>Every customer of the selection as CSV, streamed: a campaign export.</summary>
    /// <remarks>
    /// The list's filters and order; the header row holds the list's field names. Text cells that a spreadsheet would
    /// read as a formula start with an apostrophe. The file name says the as-of date (and the segment filter). Every
    /// export is recorded in the audit log (who, the filter without personal values, rows, seconds).
    /// </remarks>
    /// <response code="200">The CSV file.</response>
    /// <response code="400">A parameter is invalid (page and page_size are not taken here); `errors` names each one.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="403">The token lacks the customer-data scope or role.</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    /// <response code="503">The database is unreachable, locked or too slow; retry after the Retry-After header's seconds.</response>
    [HttpGet("export")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task ExportCustomers([FromQuery] CustomersExportParameters parameters, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var export = await mediator.Send(parameters.ToQuery(), cancellationToken);
        var count = await CsvDownload.SendAsync(Response, export.FileName, CustomerCsv.Header, export.Rows, CustomerCsv.WriteRow, cancellationToken);
        AuditLog.Export(logger, HttpContext, "customers", count, started);
    }

}
