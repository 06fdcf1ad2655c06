using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Cli;

/// <summary>
/// The command line is configured like the API: appsettings.json beside the program, then environment variables
/// (Database__Provider, ConnectionStrings__Campaign, ...). Relative DuckDB paths are relative to the current directory.
/// </summary>
public static class CliServices
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        // The fiscal year start counts the importer's all-history totals: checked as the API checks it.
        services.AddOptions<DashboardOptions>().BindCheckedConfiguration(DashboardOptions.SectionName);
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddInfrastructure(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider();
    }
}
