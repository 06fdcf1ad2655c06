using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignDashboard.ClientTests.Support;

/// <summary>
/// The API in memory over an empty temporary DuckDB file: enough to serve its OpenAPI document, which does not
/// depend on data.
/// </summary>
public sealed class OpenApiHost : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("campaign-dashboard-client-tests-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Campaign", $"Data Source={Path.Combine(_directory, "dashboard.duckdb")}");
        builder.UseSetting("Dashboard:SeedDemoData", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Authentication:Mode", "None");
    }

    /// <summary>The document as the API serves it at /swagger/v1/swagger.json.</summary>
    public async Task<string> GetDocumentAsync()
    {
        using var client = CreateClient();
        return await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
