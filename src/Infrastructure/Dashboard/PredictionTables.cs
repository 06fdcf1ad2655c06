using CampaignDashboard.Application.Prediction;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Each engine's copy of a prediction's forecasts as a table (prediction_table.sql), so that scripts join, sum and sort
/// by them: built once per <see cref="CustomerPredictions"/> instance, that is per as-of date and data version; the two
/// most recent are kept (today's and, e.g., the one before an import).
/// </summary>
public abstract class PredictionTables : IAsyncDisposable
{
    public const int Capacity = 2;

    private readonly SharedTables<(CustomerPredictions Predictions, int Generation)> _tables;

    protected PredictionTables() => _tables = new(Capacity, key => BuildAsync(key.Predictions));

    /// <summary>
    /// The database's incarnation: a DuckDB file reopened after a fatal error has a new, empty work catalog, so a
    /// prediction's table is made again there (the predictions themselves are compared by reference).
    /// </summary>
    protected virtual int Generation => 0;

    public Task<SharedTables<(CustomerPredictions Predictions, int Generation)>.Lease> AcquireAsync(
        CustomerPredictions predictions, CancellationToken cancellationToken) =>
        _tables.AcquireAsync((predictions, Generation), cancellationToken);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _tables.DisposeAsync();
    }

    /// <summary>Creates a table of the forecasts, filled; called without the lock and without a request's token.</summary>
    protected abstract Task<SharedTable> BuildAsync(CustomerPredictions predictions);
}
