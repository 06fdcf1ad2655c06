using System.Diagnostics.CodeAnalysis;

namespace CampaignDashboard.Domain.Prediction;

/// <summary>
/// The outcome of a maximum-likelihood fit: the model and the maximised log-likelihood when it converged, otherwise
/// no model and the reason.
/// </summary>
/// <param name="Model">The fitted model; null when the fit did not converge.</param>
/// <param name="LogLikelihood">The maximised log-likelihood, summed over the customers (NaN when not converged).</param>
/// <param name="Customers">The customers the fit used.</param>
/// <param name="Reason">Why there is no model; null when there is one.</param>
public sealed record FitResult<TModel>(TModel? Model, double LogLikelihood, long Customers, string? Reason)
    where TModel : class
{
    [MemberNotNullWhen(true, nameof(Model))]
    public bool Converged => Model is not null;

    internal static FitResult<TModel> NotConverged(long customers, string reason) => new(null, double.NaN, customers, reason);
}
