using Microsoft.AspNetCore.Authorization;

namespace CampaignDashboard.Api.Security;

/// <summary>
/// Customers' names and mobiles (the customers list and its export) need the scope or role named by
/// Authorization:CustomerDataScope (default campaign.customers) when authentication is on; the dashboard does not.
/// Without authentication (Development) the policy lets every caller through, as every other endpoint does.
/// </summary>
public static class CustomerDataAuthorization
{
    public const string Policy = "CustomerData";
    public const string ScopeKey = "Authorization:CustomerDataScope";
    public const string DefaultScope = "campaign.customers";

    public static IServiceCollection AddCustomerDataPolicy(
        this IServiceCollection services, IConfiguration configuration, AuthenticationSettings authentication)
    {
        var scope = configuration[ScopeKey] is { Length: > 0 } configured ? configured.Trim() : DefaultScope;
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy =>
        {
            if (authentication.Mode == AuthenticationMode.None)
            {
                policy.RequireAssertion(_ => true);
                return;
            }

            policy.RequireAuthenticatedUser().RequireAssertion(context => HasScopeOrRole(context.User, scope));
        });
        return services;
    }

    /// <summary>A space-separated "scope" or "scp" claim holding it (OAuth 2.0), or a role of that name.</summary>
    public static bool HasScopeOrRole(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.Claims.Any(claim =>
            (claim.Type is "scope" or "scp" && claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))
            || (claim.Type is "role" or "roles" or System.Security.Claims.ClaimTypes.Role && string.Equals(claim.Value, scope, StringComparison.Ordinal)));
}
