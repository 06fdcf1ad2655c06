using System.Diagnostics;
using System.Runtime.InteropServices;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Prediction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Prediction;

/// <summary>
/// The prediction per (as-of date, data version): fitted once, shared by every request that needs it, forgotten when
/// the data changes. The models need each customer's whole history up to the as-of date, so nothing else of a request
/// (its start date, its filters) is part of the key.
/// </summary>
public sealed partial class PredictionCache(
    IServiceScopeFactory scopes, IDataVersionSource dataVersion, IOptions<PredictionOptions> options, ILogger<PredictionCache> logger)
{
    /// <summary>Fits kept at once: today's and one other as-of date, e.g. a comparison's or an import's predecessor.</summary>
    public const int Capacity = 2;

    private readonly Lock _gate = new();
    private readonly LinkedList<(DateOnly? AsOf, long Version, Task<CustomerPredictions> Fit)> _fits = [];

    /// <summary>The prediction at <paramref name="asOfDate"/> (null: there are no transactions) for the current data.</summary>
    public async Task<CustomerPredictions> AtAsync(DateOnly? asOfDate, CancellationToken cancellationToken)
    {
        var version = await dataVersion.CurrentAsync(cancellationToken);
        Task<CustomerPredictions> fit;
        lock (_gate)
        {
            var node = _fits.First;
            while (node is not null && (node.Value.AsOf != asOfDate || node.Value.Version != version))
            {
                node = node.Next;
            }

            if (node is null)
            {
                // Not the request's token: later requests wait for the same fit, which outlives the first requester.
                node = new LinkedListNode<(DateOnly?, long, Task<CustomerPredictions>)>((asOfDate, version, FitAsync(asOfDate)));
            }
            else
            {
                _fits.Remove(node);
            }

            _fits.AddFirst(node);
            while (_fits.Count > Capacity)
            {
                _fits.RemoveLast();
            }

            fit = node.Value.Fit;
        }

        try
        {
            return await fit.WaitAsync(cancellationToken);
        }
        catch when (fit.IsFaulted)
        {
            // A failed fit (the database failed) is forgotten, so that the next request tries again.
            lock (_gate)
            {
                var failed = _fits.FirstOrDefault(entry => entry.Fit == fit);
                _fits.Remove(failed);
            }

            throw;
        }
    }

    private async Task<CustomerPredictions> FitAsync(DateOnly? asOfDate)
    {
        await Task.Yield(); // never fit under the cache's lock
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return CustomerPredictions.Unavailable($"prediction is switched off ({PredictionOptions.SectionName}:{nameof(PredictionOptions.Enabled)} = false)");
        }

        if (asOfDate is not { } asOf)
        {
            return CustomerPredictions.Unavailable("there are no transactions");
        }

        var started = Stopwatch.GetTimestamp();
        // Each row is kept as its id and its history, not as the row read: at ten million customers the rows
        // themselves would hold half a gigabyte more while the models are fitted.
        var ids = new List<long>();
        var histories = new List<CustomerHistory>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await foreach (var input in scope.ServiceProvider.GetRequiredService<IDashboardQueries>().PredictionInputsAsync(asOf, CancellationToken.None))
            {
                ids.Add(input.CustomerId);
                histories.Add(input.History);
            }
        }

        var read = Stopwatch.GetElapsedTime(started);
        // In customer order, whatever order the engine read them in: the same data always gives the same fit, to the last
        // bit. Sorted where they were read, not copied first: at ten million customers a copy holds 400 MB more.
        CollectionsMarshal.AsSpan(ids).Sort(CollectionsMarshal.AsSpan(histories));
        var (models, reason) = PredictionModels.Fit(histories);
        if (models is null)
        {
            LogNotFitted(asOf, ids.Count, reason!);
            return CustomerPredictions.Unavailable(reason!);
        }

        var forecaster = new CustomerForecaster(models.Visits, models.Spend, settings.HorizonDays, settings.AnnualDiscountRate);
        var customers = new PredictedCustomer[ids.Count];
        for (var i = 0; i < customers.Length; i++)
        {
            var history = histories[i];
            customers[i] = new PredictedCustomer(ids[i], forecaster.Forecast(history.X, history.Tx, history.T, history.M));
        }

        var total = Stopwatch.GetElapsedTime(started);
        LogFitted(asOf, customers.Length, read.TotalMilliseconds, total.TotalMilliseconds);
        return CustomerPredictions.Of(models, settings.HorizonDays, customers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction as of {AsOf:yyyy-MM-dd}: {Customers} customers read in {ReadMs:F0} ms, fitted and forecast in {TotalMs:F0} ms in all")]
    private partial void LogFitted(DateOnly asOf, int customers, double readMs, double totalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "No prediction as of {AsOf:yyyy-MM-dd} ({Customers} customers): {Reason}")]
    private partial void LogNotFitted(DateOnly asOf, int customers, string reason);
}
