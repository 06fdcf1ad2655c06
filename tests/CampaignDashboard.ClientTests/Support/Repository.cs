using System.Reflection;

namespace CampaignDashboard.ClientTests.Support;

/// <summary>Files of the repository the generated client is checked against.</summary>
public static class Repository
{
    /// <summary>The command that brings the committed document and client up to date (docs/client.md).</summary>
    public const string RegenerateCommand = "bash clients/generate.sh";

    /// <summary>Set to 1 (clients/generate.sh does) to write the committed files instead of comparing them.</summary>
    public const string UpdateVariable = "CAMPAIGN_CLIENT_UPDATE";

    public static string Root { get; } = FindRoot();

    public static string NSwagConfig => Path.Combine(Root, "nswag.json");

    public static string OpenApiDocument => Path.Combine(Root, "clients", "openapi", "campaign-dashboard.v1.json");

    public static string TypeScriptClient => Path.Combine(Root, "clients", "typescript", "src", "campaign-client.ts");

    public static bool UpdateMode => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see its .csproj.");

    private static string FindRoot()
    {
        // The project records its repository at build time; walking up from the test binaries is the fallback.
        var recorded = Metadata("RepositoryRoot");
        if (File.Exists(Path.Combine(recorded, "nswag.json")))
        {
            return Path.GetFullPath(recorded);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "nswag.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("nswag.json not found above " + AppContext.BaseDirectory);
    }
}
