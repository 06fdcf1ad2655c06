using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CampaignDashboard.Api.Contracts;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Segmentation.Queries.GetSegmentSchemes;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CampaignDashboard.Api.Controllers;

/// <summary>The campaign dashboard for marketing teams choosing whom to target.</summary>
// Every action can answer these (authentication, rate limits, failures, an unavailable database).
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
[ApiController]
[Route("api/campaign")]
public sealed class CampaignController(IMediator mediator, IOptions<JsonOptions> json) : ControllerBase
{
    /// <summary>Every widget of the campaign dashboard (KPIs, R/F/M scores, buckets, segments, fiscal years).</summary>
    /// <remarks>
    /// Scores are computed over all customers with a transaction in the window; the customer filters then narrow
    /// the customers every widget counts. Metric definitions: docs/metrics.md. Responses carry an ETag: a request
    /// with a matching If-None-Match is answered 304 Not Modified.
    /// </remarks>
    /// <response code="200">The dashboard.</response>
    /// <response code="400">A parameter is invalid; `errors` names each one and why (for bucket labels, the allowed labels).</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    /// <response code="503">The database is unreachable, locked or too slow; retry after the Retry-After header's seconds.</response>
    [HttpGet("dashboard")]
    [ProducesResponseType<DashboardDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> GetDashboard([FromQuery] DashboardQueryParameters parameters, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var dashboard = await mediator.Send(parameters.ToQuery(), cancellationToken);

        // The ETag is the content's hash: right whatever engine, cache state or data version produced the content.
        var (body, etag) = SerializedResponses.Of(dashboard, json.Value.JsonSerializerOptions);
        var headers = Response.GetTypedHeaders();
        headers.ETag = etag;
        // Personal data: browsers may keep it and must revalidate; shared caches must not store it.
        headers.CacheControl = new CacheControlHeaderValue { Private = true, NoCache = true };
        Response.Headers["Server-Timing"] = string.Create(
            CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.###}");

        return Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false))
            ? StatusCode(StatusCodes.Status304NotModified)
            : File(body, "application/json");
    }

    /// <summary>Every segment scheme with its segments and their rules, and the defaults a request gets.</summary>
    /// <remarks>Built in: contract (the default unless configured), rfm10 and rfm11; others from Segmentation:Schemes.</remarks>
    /// <response code="200">The schemes.</response>
    /// <response code="400">A query parameter was given: this endpoint takes none; `errors` names it.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="429">Too many requests from this client; retry after the Retry-After header's seconds.</response>
    [HttpGet("segment-schemes")]
    [ProducesResponseType<SegmentSchemesDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<SegmentSchemesDto>> GetSegmentSchemes(CancellationToken cancellationToken) =>
        await mediator.Send(new GetSegmentSchemesQuery(), cancellationToken);
}
