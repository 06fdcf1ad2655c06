using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace CampaignDashboard.Api.OpenApi;

/// <summary>
/// Error responses are problem details (RFC 9457) served as application/problem+json; NSwag lists every
/// response under the operation's JSON type, so error responses are moved to the problem type here.
/// </summary>
public sealed class ProblemJsonResponsesProcessor : IOperationProcessor
{
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";

    public bool Process(OperationProcessorContext context)
    {
        foreach (var (status, response) in context.OperationDescription.Operation.Responses)
        {
            if (int.TryParse(status, out var code) && code >= 400 && response.Content.Remove(Json, out var mediaType))
            {
                response.Content[ProblemJson] = mediaType;
            }
        }

        return true;
    }
}
