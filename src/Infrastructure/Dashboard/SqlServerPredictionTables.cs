using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Forecasts as global temp tables, bulk-copied once per prediction and held by a connection of their own (a global
/// temp table lives as long as the session that made it), so that every request's statements can join them.
/// </summary>
public sealed class SqlServerPredictionTables(SqlServerEngine engine) : PredictionTables
{
    protected override async Task<SharedTable> BuildAsync(CustomerPredictions predictions)
    {
        var name = $"##campaign_prediction_{Guid.NewGuid():N}";
        var connection = (SqlConnection)await engine.OpenConnectionAsync(CancellationToken.None);
        try
        {
            await connection.ExecuteAsync(DashboardScripts.PredictionTableStatement(engine.ScriptFolder, name));
            await SqlServerCampaignImporter.CopyAsync(
                connection, transaction: null, name,
                [("customer_id", typeof(long)), ("p_alive", typeof(decimal)), ("expected_visits", typeof(decimal)), ("expected_spend", typeof(decimal)), ("predicted_clv", typeof(decimal))],
                predictions.Customers.Select(c => new object?[]
                {
                    c.CustomerId, c.Forecast.PAlive, c.Forecast.ExpectedVisits, c.Forecast.ExpectedSpend, c.Forecast.PredictedClv,
                }),
                CancellationToken.None);
            return new SharedTable(name, async () =>
            {
                // Closing the session drops the table; the explicit drop frees it even if the pool keeps the session.
                await using (connection)
                {
                    await connection.ExecuteAsync($"DROP TABLE IF EXISTS {name};");
                }
            });
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
