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
    protected override Task<SharedTable> BuildAsync(CustomerPredictions predictions) =>
        SqlServerSessionTables.CreateAsync(engine, "campaign_prediction", async (connection, name) =>
        {
            await connection.ExecuteAsync(DashboardScripts.PredictionTableStatement(engine.ScriptFolder, name));
            await SqlServerCampaignImporter.CopyAsync(
                (SqlConnection)connection, transaction: null, name,
                [("customer_id", typeof(long)), ("p_alive", typeof(decimal)), ("expected_visits", typeof(decimal)), ("expected_spend", typeof(decimal)), ("predicted_clv", typeof(decimal))],
                predictions.Customers.Select(c => new object?[]
                {
                    c.CustomerId, c.Forecast.PAlive, c.Forecast.ExpectedVisits, c.Forecast.ExpectedSpend, c.Forecast.PredictedClv,
                }),
                CancellationToken.None);
        });
}
