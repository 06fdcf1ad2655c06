using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Dapper;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>Forecasts as tables of DuckDB's in-memory work catalog, filled by its appender.</summary>
public sealed class DuckDbPredictionTables(DuckDbEngine engine) : PredictionTables
{
    protected override int Generation => engine.Generation;

    protected override async Task<SharedTable> BuildAsync(CustomerPredictions predictions)
    {
        await Task.Yield(); // DuckDB completes synchronously: never build under the cache's lock

        var name = DuckDbEngine.NewWorkTableName("prediction");
        await using var connection = (DuckDBConnection)await engine.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(DashboardScripts.PredictionTableStatement(engine.ScriptFolder, name));
        using (var appender = connection.CreateAppender(DuckDbEngine.WorkCatalog, "main", name[(DuckDbEngine.WorkCatalog.Length + 1)..]))
        {
            foreach (var (customerId, forecast) in predictions.Customers)
            {
                appender.CreateRow()
                    .AppendValue(customerId)
                    .AppendValue(forecast.PAlive)
                    .AppendValue(forecast.ExpectedVisits)
                    .AppendValue(forecast.ExpectedSpend)
                    .AppendValue(forecast.PredictedClv)
                    .EndRow();
            }
        }

        return new SharedTable(name, () => new ValueTask(engine.DropWorkTablesAsync([name])));
    }
}
