using CampaignDashboard.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignDashboard.Api.Health;

/// <summary>
/// Ready when the dashboard's database answers a query on its transactions table (no rows are read) and no request has
/// met it damaged (<see cref="DatabaseDamage"/>: the probe reads no data blocks, so it cannot see that itself). A failure
/// is reported as Unhealthy by the health check service (and logged there); the probe's body says only that.
/// </summary>
public sealed class DatabaseHealthCheck(IDatabaseEngine engine, DatabaseDamage damage) : IHealthCheck
{
    public const string Name = "database";

    // Valid on both engines; touches the schema, reads nothing.
    private const string Probe = "SELECT 1 FROM campaign.transactions WHERE 1 = 0";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (damage.Description is { } damaged)
        {
            return HealthCheckResult.Unhealthy(damaged);
        }

        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = engine.Qualify(Probe);
        command.CommandTimeout = (int)HealthEndpoints.Timeout.TotalSeconds;
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
