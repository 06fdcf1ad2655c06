namespace CampaignDashboard.Api;

/// <summary>
/// The environment and address of `dotnet run`, as defaults only. `dotnet run` puts the launch profile's variables over
/// the shell's, so a profile that set ASPNETCORE_ENVIRONMENT or ASPNETCORE_URLS would override what the user asked for
/// (ASPNETCORE_ENVIRONMENT=Production would start in Development, authentication off). The profile sets these two
/// variables instead; each applies only when the user chose no environment (ASPNETCORE_ENVIRONMENT,
/// DOTNET_ENVIRONMENT, --environment) or no address (ASPNETCORE_URLS, DOTNET_URLS, --urls, ..._HTTP_PORTS).
/// </summary>
internal static class LaunchProfileDefaults
{
    public const string EnvironmentVariable = "CAMPAIGN_DASHBOARD_DEFAULT_ENVIRONMENT";
    public const string UrlsVariable = "CAMPAIGN_DASHBOARD_DEFAULT_URLS";

    /// <summary>The host's options: the profile's environment when the user set none.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        // The sources the host reads its environment from, in its order.
        var host = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("DOTNET_")
            .AddCommandLine(args)
            .Build();
        var chosen = host[HostDefaults.EnvironmentKey];
        return new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = string.IsNullOrWhiteSpace(chosen) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : null,
        };
    }

    /// <summary>Listens on the profile's address when the user configured none.</summary>
    public static void ApplyUrls(WebApplicationBuilder builder)
    {
        string[] addressKeys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        if (addressKeys.All(key => string.IsNullOrWhiteSpace(builder.Configuration[key]))
            && Environment.GetEnvironmentVariable(UrlsVariable) is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls);
        }
    }
}
