using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Infrastructure.Persistence;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>Each widget statement computes its inputs itself, from the engine's population.sql and customer_matches.sql.</summary>
public sealed class InlineSelectionInputs(IDatabaseEngine engine) : ISelectionInputs
{
    public Task<string> DefinitionsAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        Task.FromResult(Definitions(engine.ScriptFolder));

    /// <summary>The CTEs of an engine's scripts, as every statement of that engine computes them inline.</summary>
    public static string Definitions(string engineFolder) =>
        $"{SqlScripts.Load(engineFolder, DashboardScripts.Population)},\n{SqlScripts.Load(engineFolder, DashboardScripts.CustomerMatches)}";
}
