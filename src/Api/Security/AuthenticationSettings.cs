using System.Text;
using CampaignDashboard.Application.Common.Exceptions;

namespace CampaignDashboard.Api.Security;

/// <summary>How callers of /api prove who they are.</summary>
public enum AuthenticationMode
{
    /// <summary>Nobody is asked: the default in Development only, refused in Production.</summary>
    None,

    /// <summary>A JWT bearer token on every /api request.</summary>
    JwtBearer,
}

/// <summary>
/// The "Authentication" configuration section, read and checked once at start-up. A wrong or missing setting stops
/// the start with a message naming the key: outside Development the service never comes up open by accident.
/// </summary>
public sealed record AuthenticationSettings(
    AuthenticationMode Mode,
    string? Authority = null,
    string? Audience = null,
    string? Issuer = null,
    string? SigningKey = null)
{
    public const string SectionName = "Authentication";

    /// <summary>HMAC-SHA256 needs a key of at least 256 bits.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>Whether tokens are checked against a symmetric key of our own rather than an issuer's published keys.</summary>
    public bool SelfIssued => !string.IsNullOrWhiteSpace(SigningKey);

    public static AuthenticationSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SectionName);
        var modeText = section["Mode"];
        AuthenticationMode mode;
        if (string.IsNullOrWhiteSpace(modeText))
        {
            if (!environment.IsDevelopment())
            {
                throw Refuse(
                    $"Authentication:Mode is not set, and the environment is {environment.EnvironmentName}: the API does not start " +
                    "without authentication configured outside Development, so that it is never open by accident. Set " +
                    "Authentication:Mode=JwtBearer with Authentication:Audience and either Authentication:Authority (an OpenID " +
                    "Connect issuer) or Authentication:SigningKey and Authentication:Issuer (self-issued tokens).");
            }

            mode = AuthenticationMode.None;
        }
        else if (!Enum.TryParse(modeText.Trim(), ignoreCase: true, out mode) || !Enum.IsDefined(mode))
        {
            throw Refuse($"Authentication:Mode '{modeText}' is not one of {string.Join(", ", Enum.GetNames<AuthenticationMode>())}.");
        }

        var settings = new AuthenticationSettings(
            mode, Trimmed(section["Authority"]), Trimmed(section["Audience"]), Trimmed(section["Issuer"]), section["SigningKey"]);
        settings.Validate(environment);
        return settings;
    }

    private void Validate(IHostEnvironment environment)
    {
        if (Mode == AuthenticationMode.None)
        {
            if (environment.IsProduction())
            {
                throw Refuse(
                    "Authentication:Mode=None is refused in Production: every /api route would be open to anyone. " +
                    "Set Authentication:Mode=JwtBearer (see docs/security.md).");
            }

            return;
        }

        if (Audience is null)
        {
            throw Refuse("Authentication:Mode=JwtBearer needs Authentication:Audience: the audience (aud) tokens must be issued for.");
        }

        var hasAuthority = Authority is not null;
        if (hasAuthority == SelfIssued)
        {
            throw Refuse(
                "Authentication:Mode=JwtBearer needs exactly one of Authentication:Authority (an OpenID Connect issuer whose " +
                "signing keys are fetched from its discovery document) or Authentication:SigningKey (a symmetric key for " +
                "self-issued tokens).");
        }

        if (hasAuthority && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            throw Refuse($"Authentication:Authority '{Authority}' is not an absolute URL.");
        }

        if (SelfIssued)
        {
            if (Issuer is null)
            {
                throw Refuse("Authentication:SigningKey needs Authentication:Issuer: the issuer (iss) of the self-issued tokens.");
            }

            if (Encoding.UTF8.GetByteCount(SigningKey!) < MinimumSigningKeyBytes)
            {
                throw Refuse(
                    $"Authentication:SigningKey is too short: HMAC-SHA256 needs at least {MinimumSigningKeyBytes} bytes " +
                    "(e.g. the output of `openssl rand -base64 48`). Keep it in a secret store, not in a file of the repository.");
            }
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static StartupConfigurationException Refuse(string message) => new($"{message} See docs/security.md.");
}
