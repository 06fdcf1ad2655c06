using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;

namespace CampaignDashboard.Cli;

/// <summary>
/// Hands an import to the API that serves the database file (ADR 8): the files go to its POST /api/imports as
/// multipart parts, with the bearer token of CAMPAIGN_API_TOKEN when set; its answer becomes this command's outcome
/// (a summary, the rejected rows, or why it could not import).
/// </summary>
public static class ApiImport
{
    public const string TokenVariable = "CAMPAIGN_API_TOKEN";

    // The API's JSON is snake_case.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<ImportSummary> SendAsync(
        ServingApi api, string databaseFile, FileInfo? customers, FileInfo? transactions, bool allowUnknownCustomers, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var content = new MultipartFormDataContent();
        foreach (var (part, file) in new[] { ("customers", customers), ("transactions", transactions) })
        {
            if (file is not null)
            {
                content.Add(new StreamContent(file.OpenRead(), 1 << 16), part, file.Name);
            }
        }

        var servedBy = $"The database file {databaseFile} is held by the API at {api.BaseAddress} (PID {api.ProcessId})";
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync($"api/imports?allow_unknown_customers={(allowUnknownCustomers ? "true" : "false")}", content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DataStoreUnavailableException($"{servedBy}, which could not be reached ({e.Message}); nothing was changed.", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var summary = JsonSerializer.Deserialize<Summary>(body, Json)!;
                    return new ImportSummary(summary.RowsRead, summary.Inserted, summary.Replaced, TimeSpan.FromSeconds(summary.Seconds));
                case HttpStatusCode.BadRequest when JsonNode.Parse(body) is JsonObject { } rejection && rejection["import_errors"] is JsonArray errors:
                    var moreErrors = rejection["more_errors"] is JsonValue more && more.GetValue<bool>();
                    throw new ImportRejectedException(errors.Deserialize<ImportError[]>(Json)!, moreErrors);
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new DataStoreUnavailableException(
                        $"{servedBy}, which refused the import ({(int)response.StatusCode}): set {TokenVariable} to a bearer token with the import scope " +
                        "(Authorization:ImportScope, default campaign.import); nothing was changed.",
                        new HttpRequestException(body, null, response.StatusCode));
                default:
                    throw new DataStoreUnavailableException(
                        $"{servedBy}, which could not import ({(int)response.StatusCode}): {Detail(body)} Nothing was changed.",
                        new HttpRequestException(body, null, response.StatusCode));
            }
        }
    }

    /// <summary>A problem details answer's detail (else its title), or the body as it is.</summary>
    private static string Detail(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem ? problem["detail"]?.GetValue<string>() ?? problem["title"]?.GetValue<string>() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private sealed record Summary(long RowsRead, long Inserted, long Replaced, double Seconds);
}
