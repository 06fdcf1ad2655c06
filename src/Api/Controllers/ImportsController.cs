using CampaignDashboard.Api.Contracts;
using CampaignDashboard.Api.Security;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CampaignDashboard.Api.Controllers;

/// <summary>
/// Imports into the database this API serves, while it serves (ADR 8): what `campaign import` hands over when the API
/// holds the DuckDB file. All or nothing, like every import; requests meanwhile are answered from the data before it,
/// the first after its commit from the data after it, and the default dashboard is computed again in the background
/// (<see cref="ImportWarmup"/>).
/// </summary>
// The command line's endpoint, not the dashboard's contract: it stays out of the OpenAPI document and the clients.
[ApiExplorerSettings(IgnoreApi = true)]
[ApiController]
[Route("api/imports")]
[Authorize(Policy = ImportAuthorization.Policy)]
public sealed partial class ImportsController(ICampaignImporter importer, ImportWarmup warmup, ILogger<ImportsController> logger) : ControllerBase
{
    /// <summary>The multipart parts the import reads, each a CSV file of the contract's format (section 1).</summary>
    public const string CustomersPart = "customers", TransactionsPart = "transactions";

    /// <summary>Imports the CSV files of a multipart/form-data body: parts `customers` and/or `transactions`.</summary>
    /// <remarks>
    /// The rules of `campaign import`: a row whose id exists replaces it; any bad row rejects the whole import (400,
    /// `import_errors` lists up to 20: source file, line, column, reason) and changes nothing. Imports run one at a time.
    /// </remarks>
    /// <response code="200">Imported: rows read, inserted, replaced, seconds.</response>
    /// <response code="400">Rejected; nothing was changed.</response>
    /// <response code="401">No valid bearer token (when authentication is on).</response>
    /// <response code="403">The token lacks the import scope or role (or, without authentication, the caller is not on this machine).</response>
    /// <response code="503">The database cannot be written (its disk full, the file damaged); nothing was changed.</response>
    [HttpPost]
    [DisableRequestSizeLimit]
    [StreamedBody]
    [ProducesResponseType<ImportSummaryDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<ActionResult<ImportSummaryDto>> Import([FromQuery] ImportQueryParameters parameters, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        try
        {
            await ReceiveAsync(files, cancellationToken);
            using var customers = files.GetValueOrDefault(CustomersPart)?.Open();
            using var transactions = files.GetValueOrDefault(TransactionsPart)?.Open();
            var batch = new ImportBatch(
                customers is null ? [] : CampaignCsv.ReadCustomers(customers, files[CustomersPart].Name),
                transactions is null ? [] : CampaignCsv.ReadTransactions(transactions, files[TransactionsPart].Name),
                AllowUnknownCustomers: parameters.AllowUnknownCustomers);
            var summary = await importer.ImportAsync(batch, null, cancellationToken);
            LogImported(summary.RowsRead, summary.Inserted, summary.Replaced, summary.Elapsed.TotalSeconds);
            warmup.Start();
            return new ImportSummaryDto(summary.RowsRead, summary.Inserted, summary.Replaced, Math.Round(summary.Elapsed.TotalSeconds, 3));
        }
        finally
        {
            foreach (var file in files.Values)
            {
                System.IO.File.Delete(file.Path);
            }
        }
    }

    /// <summary>Streams each known part to a temporary file (a file of millions of rows never sits in memory).</summary>
    private async Task ReceiveAsync(Dictionary<string, UploadedFile> files, CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (boundary is null)
        {
            throw InvalidRequest("body", "must be multipart/form-data with the parts 'customers' and/or 'transactions'");
        }

        var reader = new MultipartReader(boundary, Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsed) ? parsed : null;
            var part = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
            if (disposition is null || part is not (CustomersPart or TransactionsPart))
            {
                throw InvalidRequest("body", $"has an unknown part; expected '{CustomersPart}' and/or '{TransactionsPart}'");
            }

            var name = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value) is { Length: > 0 } fileName ? fileName : $"{part}.csv";
            var path = Path.GetTempFileName();
            files[part] = new UploadedFile(name, path);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await section.Body.CopyToAsync(file, cancellationToken);
        }

        if (files.Count == 0)
        {
            throw InvalidRequest("body", $"has no part '{CustomersPart}' or '{TransactionsPart}'");
        }
    }

    private static Application.Common.Exceptions.RequestValidationException InvalidRequest(string name, string reason) =>
        new(new Dictionary<string, string[]> { [name] = [reason] });

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported through the API: {RowsRead} rows read, {Inserted} inserted, {Replaced} replaced, in {Seconds:0.0} s")]
    private partial void LogImported(long rowsRead, long inserted, long replaced, double seconds);

    /// <summary>A received part: its file name (for error messages) and where it was written.</summary>
    private sealed record UploadedFile(string Name, string Path)
    {
        public StreamReader Open() => new(Path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }
}

/// <summary>
/// The body is read as a stream by the action: MVC must not read it as a form first (it would buffer the files, and
/// the action would then find the body consumed).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedBodyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
        // Nothing to undo: the factories were this request's.
    }
}

/// <summary>What an import did.</summary>
public sealed record ImportSummaryDto(long RowsRead, long Inserted, long Replaced, double Seconds);
