using CampaignDashboard.Application.Prediction;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Each engine's copy of a prediction's forecasts as a table (prediction_table.sql), so that scripts join, sum and sort
/// by them: built once per <see cref="CustomerPredictions"/> instance, that is per as-of date and data version.
/// </summary>
public interface IPredictionTables
{
    /// <summary>The two most recent predictions' tables are kept: today's and, e.g., the one before an import.</summary>
    const int Capacity = 2;

    Task<SharedTables<CustomerPredictions>.Lease> AcquireAsync(CustomerPredictions predictions, CancellationToken cancellationToken);
}
