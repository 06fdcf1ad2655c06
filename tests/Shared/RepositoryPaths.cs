namespace CampaignDashboard.Tests.Shared;

/// <summary>Locations in the checkout, found from the test binaries upwards (compiled into every test project).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared material beside the project: ../shared from the repository root.</summary>
    public static string SharedData(string file) => Path.Combine(Root, "..", "shared", "data", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CampaignDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CampaignDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
