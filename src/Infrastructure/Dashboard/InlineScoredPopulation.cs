using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Infrastructure.Persistence;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>Each widget statement computes the population itself, from the engine's population.sql.</summary>
public sealed class InlineScoredPopulation(IDatabaseEngine engine) : IScoredPopulation
{
    public Task<string> DefinitionAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
        Task.FromResult(SqlScripts.Load(engine.ScriptFolder, DashboardScripts.Population));
}
