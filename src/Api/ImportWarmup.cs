namespace CampaignDashboard.Api;

/// <summary>
/// After an import handed to this API commits (ADR 8), computes the default dashboard in the background, as the
/// start-up warm-up does, so that the first visitor after a nightly import is served warm: at 100M transactions that
/// dashboard and its prediction take about 40 s. Warm-ups run one after another; an import during one queues another.
/// </summary>
public sealed partial class ImportWarmup(EndpointDataSource endpoints, IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<ImportWarmup> logger)
{
    private readonly Lock _gate = new();
    private Task _last = Task.CompletedTask;

    /// <summary>The latest warm-up started (or a finished task): what tests wait for.</summary>
    public Task Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Queues a warm-up of the default dashboard; returns at once.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _last = _last.ContinueWith(_ => RunAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await StartupWarmup.DefaultDashboardAsync(endpoints.Endpoints, services, lifetime.ApplicationStopping);
            LogWarmed();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The API is stopping: nobody will ask for it.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The next visitor computes it instead; nothing else depends on it.
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Computed the default dashboard for the data just imported")]
    private partial void LogWarmed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up after an import failed; the next visitor computes the dashboard")]
    private partial void LogFailed(Exception exception);
}
