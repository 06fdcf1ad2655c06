using System.Diagnostics;
using System.Net;
using CampaignDashboard.Api.Tests.Security;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Infrastructure.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// Population builds that take longer than anyone waits (a large window under load), made slow through the builder
/// seam: never a 500 or a reset connection, a 503 within the command timeout and a small margin, and a build that no
/// request waits for any longer is stopped.
/// </summary>
[NonParallelizable]
public sealed class SlowPopulationTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(0.75);

    [Test]
    public async Task Concurrent_cold_requests_past_the_command_timeout_get_503s_in_time_never_a_500()
    {
        var builds = new HangingPopulationBuilder();
        using var factory = Start(builds, commandTimeoutSeconds: 1);
        await factory.LoadSmallDatasetAsync();
        using var client = factory.CreateClient();

        // Six distinct windows at once; then, once their builds run, requests that share those builds but started later
        // (their own deadline is later than the builds' timeout).
        var first = Enumerable.Range(1, 6).Select(i => TimedGetAsync(client, $"/api/campaign/dashboard?start_date=2024-0{i}-01")).ToList();
        await builds.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromMilliseconds(400)); // an offset between the two groups' deadlines, not a wait for anything
        var later = Enumerable.Range(1, 6).Select(i => TimedGetAsync(client, $"/api/campaign/dashboard?start_date=2024-0{i}-01&customer_name=later")).ToList();
        var answers = await Task.WhenAll(first.Concat(later));

        Assert.Multiple(() =>
        {
            foreach (var (status, elapsed, failure) in answers)
            {
                Assert.That(failure, Is.Null, "no reset connection");
                Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "never a 500");
                Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1) + Margin), "within the command timeout and a small margin");
            }
        });
    }

    [Test]
    public async Task A_build_that_no_request_waits_for_any_longer_is_stopped()
    {
        var builds = new HangingPopulationBuilder();
        using var factory = Start(builds, commandTimeoutSeconds: 30);
        await factory.LoadSmallDatasetAsync();
        using var client = factory.CreateClient();
        using var disconnect = new CancellationTokenSource();

        var request = client.GetAsync("/api/campaign/dashboard?start_date=2024-01-01", disconnect.Token);
        await builds.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        await disconnect.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(async () => await request);
        Assert.That(await Task.WhenAny(builds.Stopped, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(builds.Stopped), "the build was stopped");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "when its last waiter left, not at the 30 s command timeout");
    }

    private static DashboardApiFactory Start(HangingPopulationBuilder builds, int commandTimeoutSeconds) => new(
        settings: new Dictionary<string, string?> { ["Database:CommandTimeoutSeconds"] = commandTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        configureServices: services => services.AddSingleton<IScoredPopulationBuilder>(sp =>
        {
            builds.Real = ActivatorUtilities.CreateInstance<DuckDbScoredPopulationBuilder>(sp);
            return builds;
        }));

    private static async Task<(HttpStatusCode? Status, TimeSpan Elapsed, Exception? Failure)> TimedGetAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsStringAsync();
            return (response.StatusCode, clock.Elapsed, null);
        }
        catch (HttpRequestException e)
        {
            return (null, clock.Elapsed, e);
        }
    }

    /// <summary>
    /// The windows of the tests (2024) get a population build that never finishes by itself: it runs until its token is
    /// cancelled, as DuckDB's interrupt does. Others (the start-up warm-up's) are built for real.
    /// </summary>
    private sealed class HangingPopulationBuilder : IScoredPopulationBuilder
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IScoredPopulationBuilder Real { get; set; } = null!;

        public Task Entered => _entered.Task;

        public Task Stopped => _stopped.Task;

        public Task<(DateOnly? Start, DateOnly? End)> WindowOfAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken) =>
            Real.WindowOfAsync(filter, asOfDate, cancellationToken);

        public async Task<ScoredPopulation> BuildAsync(DashboardFilter filter, DateOnly? asOfDate, CancellationToken cancellationToken)
        {
            if (filter.StartDate?.Year != 2024)
            {
                return await Real.BuildAsync(filter, asOfDate, cancellationToken);
            }

            using var stop = cancellationToken.Register(() => _stopped.TrySetResult());
            _entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
