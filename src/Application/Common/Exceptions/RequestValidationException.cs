namespace CampaignDashboard.Application.Common.Exceptions;

/// <summary>
/// A request broke the contract. <see cref="Errors"/> maps each offending parameter, by its public name,
/// to what is wrong with it; the API turns this into a 400 problem details response.
/// </summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more request parameters are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
