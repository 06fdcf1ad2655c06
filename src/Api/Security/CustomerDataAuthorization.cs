using System.Net;
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
        this IServiceCollection services, IConfiguration configuration, AuthenticationSettings authentication) =>
        services.AddScopePolicy(Policy, configuration[ScopeKey], DefaultScope, authentication, withoutAuthentication: _ => true);

    /// <summary>
    /// A policy that needs <paramref name="configuredScope"/> (else <paramref name="defaultScope"/>) as a scope or role;
    /// without authentication, <paramref name="withoutAuthentication"/> decides.
    /// </summary>
    public static IServiceCollection AddScopePolicy(
        this IServiceCollection services, string policyName, string? configuredScope, string defaultScope,
        AuthenticationSettings authentication, Func<AuthorizationHandlerContext, bool> withoutAuthentication)
    {
        var scope = configuredScope is { Length: > 0 } configured ? configured.Trim() : defaultScope;
        services.AddAuthorizationBuilder().AddPolicy(policyName, policy =>
        {
            if (authentication.Mode == AuthenticationMode.None)
            {
                policy.RequireAssertion(withoutAuthentication);
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

/// <summary>
/// Imports handed to the running API (POST /api/imports) need the scope or role named by Authorization:ImportScope
/// (default campaign.import) when authentication is on. Without authentication (Development) only callers on this
/// machine may import: the command line next to the API, never another host.
/// </summary>
public static class ImportAuthorization
{
    public const string Policy = "Import";
    public const string ScopeKey = "Authorization:ImportScope";
    public const string DefaultScope = "campaign.import";

    public static IServiceCollection AddImportPolicy(
        this IServiceCollection services, IConfiguration configuration, AuthenticationSettings authentication) =>
        services.AddScopePolicy(Policy, configuration[ScopeKey], DefaultScope, authentication, withoutAuthentication: context =>
            context.Resource is HttpContext { Connection.RemoteIpAddress: var address } && (address is null || IPAddress.IsLoopback(address)));
}
