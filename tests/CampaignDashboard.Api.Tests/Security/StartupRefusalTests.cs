using System.Net;
using CampaignDashboard.Api.Security;
using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>The service is never open by accident: a missing or wrong security setting stops the start, naming the key.</summary>
public sealed class StartupRefusalTests
{
    [Test]
    public void In_Production_without_an_authentication_mode_the_API_does_not_start()
    {
        using var factory = new DashboardApiFactory(environment: "Production", settings: new Dictionary<string, string?> { ["Authentication:Mode"] = "" });
        var refusal = StartupFailure(factory);
        Assert.That(refusal, Does.Contain("Authentication:Mode is not set").And.Contain("Production").And.Contain("JwtBearer"));
    }

    [Test]
    public void In_Production_authentication_cannot_be_turned_off()
    {
        using var factory = new DashboardApiFactory(environment: "Production", settings: new Dictionary<string, string?> { ["Authentication:Mode"] = "None" });
        Assert.That(StartupFailure(factory), Does.Contain("Authentication:Mode=None is refused in Production"));
    }

    [Test]
    public async Task In_Production_with_JwtBearer_the_API_starts_and_asks_for_a_token()
    {
        using var factory = new DashboardApiFactory(environment: "Production", settings: TestTokens.Settings());
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://dashboard.test") });
        using var response = await client.GetAsync("/api/campaign/dashboard");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("Staging", null, "Authentication:Mode is not set")]
    [TestCase("Testing", "", "Authentication:Mode is not set")]
    [TestCase("Production", "Basic", "'Basic' is not one of None, JwtBearer")]
    [TestCase("Development", "jwt", "'jwt' is not one of")]
    public void A_missing_or_unknown_mode_is_refused_outside_Development(string environment, string? mode, string message)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Read(environment, new() { ["Authentication:Mode"] = mode }));
        Assert.That(error!.Message, Does.Contain(message).And.Contain("docs/security.md"));
    }

    [Test]
    public void In_Development_no_mode_means_None()
    {
        Assert.That(Read("Development", []).Mode, Is.EqualTo(AuthenticationMode.None));
    }

    [TestCase("Authentication:Audience", null, "needs Authentication:Audience")]
    [TestCase("Authentication:Issuer", null, "needs Authentication:Issuer")]
    [TestCase("Authentication:SigningKey", "too-short-key", "SigningKey is too short")]
    [TestCase("Authentication:SigningKey", null, "exactly one of Authentication:Authority")]
    [TestCase("Authentication:Authority", "https://login.example.com/tenant/v2.0", "exactly one of Authentication:Authority")]
    public void An_incomplete_JwtBearer_configuration_is_refused(string key, string? value, string message)
    {
        var settings = TestTokens.Settings(new() { [key] = value });
        var error = Assert.Throws<StartupConfigurationException>(() => Read("Production", settings));
        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(error.Message, Does.Not.Contain(TestTokens.SigningKey), "the key is never echoed");
    }

    [Test]
    public void An_OpenID_Connect_authority_with_an_audience_is_accepted()
    {
        var settings = Read("Production", new()
        {
            ["Authentication:Mode"] = "JwtBearer",
            ["Authentication:Authority"] = "https://login.example.com/tenant/v2.0",
            ["Authentication:Audience"] = "api://campaign-dashboard",
        });
        Assert.That(settings.SelfIssued, Is.False);
    }

    [TestCase("*")]
    [TestCase("https://dashboard.example.com/path")]
    [TestCase("dashboard.example.com")]
    public void A_CORS_entry_that_is_not_an_origin_is_refused(string origin)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Cors:AllowedOrigins:0", origin)]).Build();
        var error = Assert.Throws<StartupConfigurationException>(() => CorsSetup.ReadAllowedOrigins(configuration));
        Assert.That(error!.Message, Does.Contain("Cors:AllowedOrigins"));
    }

    [TestCase("-1", "60")]
    [TestCase("10", "0")]
    public void A_negative_permit_limit_or_an_empty_window_is_refused(string permitLimit, string windowSeconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("RateLimiting:PermitLimit", permitLimit), new("RateLimiting:WindowSeconds", windowSeconds),
        ]).Build();
        Assert.Throws<StartupConfigurationException>(() => RateLimitingSettings.Read(configuration));
    }

    [Test]
    public void The_rate_limit_defaults_to_600_per_minute()
    {
        var settings = RateLimitingSettings.Read(new ConfigurationBuilder().Build());
        Assert.That((settings.PermitLimit, settings.WindowSeconds, settings.Enabled), Is.EqualTo((600, 60, true)));
    }

    private static AuthenticationSettings Read(string environment, Dictionary<string, string?> settings) =>
        AuthenticationSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Environment(environment));

    /// <summary>The message of the exception the start failed with (searched through inner exceptions).</summary>
    private static string StartupFailure(DashboardApiFactory factory)
    {
        var error = Assert.Catch(() => _ = factory.Server);
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CampaignDashboard.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
