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

    private readonly SharedTables<CustomerPredictions> _tables;

    protected PredictionTables() => _tables = new SharedTables<CustomerPredictions>(Capacity, BuildAsync);

    public Task<SharedTables<CustomerPredictions>.Lease> AcquireAsync(CustomerPredictions predictions, CancellationToken cancellationToken) =>
        _tables.AcquireAsync(predictions, cancellationToken);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _tables.DisposeAsync();
    }

    /// <summary>Creates a table of the forecasts, filled; called without the lock and without a request's token.</summary>
    protected abstract Task<SharedTable> BuildAsync(CustomerPredictions predictions);
}
