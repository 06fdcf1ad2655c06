using CampaignDashboard.Api.Contracts;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Controllers;

/// <summary>The campaign dashboard for marketing teams choosing whom to target.</summary>
[ApiController]
[Route("api/campaign")]
public sealed class CampaignController(IMediator mediator) : ControllerBase
{
    /// <summary>Every widget of the campaign dashboard (KPIs, R/F/M scores, buckets, segments, fiscal years).</summary>
    /// <remarks>
    /// Scores are computed over all customers with a transaction in the window; the customer filters then narrow
    /// the customers every widget counts. Metric definitions: docs/metrics.md.
    /// </remarks>
    /// <response code="200">The dashboard.</response>
    /// <response code="400">A parameter is invalid; `errors` names each one and why (for bucket labels, the allowed labels).</response>
    /// <response code="500">An unexpected failure; the body never contains internals.</response>
    [HttpGet("dashboard")]
    [ProducesResponseType<DashboardDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
    public async Task<DashboardDto> GetDashboard([FromQuery] DashboardQueryParameters parameters, CancellationToken cancellationToken) =>
        await mediator.Send(parameters.ToQuery(), cancellationToken);
}
