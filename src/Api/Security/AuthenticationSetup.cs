using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Security;

namespace CampaignDashboard.Api.Security;

/// <summary>JWT bearer authentication of /api, and its description in the OpenAPI document.</summary>
public static class AuthenticationSetup
{
    /// <summary>The name of the security scheme in the OpenAPI document.</summary>
    public const string OpenApiScheme = "Bearer";

    /// <summary>How far a token's exp/nbf may be off the server's clock.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With <see cref="AuthenticationMode.JwtBearer"/>: every endpoint needs an authenticated caller unless it allows
    /// anonymous ones (the health endpoints do). With <see cref="AuthenticationMode.None"/>: nothing is required.
    /// </summary>
    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services, AuthenticationSettings settings)
    {
        if (settings.Mode == AuthenticationMode.None)
        {
            // No scheme: the authentication and authorization middleware pass every request through.
            services.AddAuthentication();
            services.AddAuthorization();
            return services;
        }

        services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Claims keep their JWT names: "sub" is the caller's id (the rate limiter partitions on it).
                options.MapInboundClaims = false;
                options.Audience = settings.Audience;
                options.TokenValidationParameters.ValidAudience = settings.Audience;
                options.TokenValidationParameters.ClockSkew = ClockSkew;
                options.TokenValidationParameters.NameClaimType = JwtRegisteredClaimNames.Sub;
                options.TokenValidationParameters.RequireExpirationTime = true;
                if (settings.SelfIssued)
                {
                    options.TokenValidationParameters.ValidIssuer = settings.Issuer;
                    options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey!));
                    options.TokenValidationParameters.ValidAlgorithms =
                        [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
                }
                else
                {
                    // Issuer and signing keys come from {Authority}/.well-known/openid-configuration (over HTTPS).
                    options.Authority = settings.Authority;
                }
            });
        return services;
    }

    /// <summary>Swagger shows the bearer scheme (and every operation requires it) when authentication is on.</summary>
    public static void AddBearerSecurity(this AspNetCoreOpenApiDocumentGeneratorSettings settings, AuthenticationSettings authentication)
    {
        if (authentication.Mode != AuthenticationMode.JwtBearer)
        {
            return;
        }

        settings.AddSecurity(OpenApiScheme, [], new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = authentication.SelfIssued
                ? $"A JWT signed with the service's key, issuer '{authentication.Issuer}', audience '{authentication.Audience}'."
                : $"A JWT from {authentication.Authority}, audience '{authentication.Audience}'.",
        });
        settings.OperationProcessors.Add(new OperationSecurityScopeProcessor(OpenApiScheme));
    }
}
