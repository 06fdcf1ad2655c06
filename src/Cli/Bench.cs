using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Cli;

/// <summary>
/// The performance benchmark of the "Fast at scale" targets: generates the datasets when missing, starts the API
/// (Release build) on loopback for each cold case, measures every case over several runs, and prints a table.
/// Request logging is off in the measured process (console output would be measured instead of the service).
/// </summary>
public sealed partial class Bench(TextWriter output, int runs, long customers, long transactions, string dataDirectory, bool liveRefreshOnly = false)
{
    /// <summary>The rows of the daily file the live-refresh case imports: new transactions, and changed ones.</summary>
    public const int DeltaRows = 100_000;

    private const string DashboardPath = "/api/campaign/dashboard";

    // The unfiltered dashboard under another cache key: the start-up warm-up leaves the default one in the response
    // and population caches, and a cold case must compute. No transaction predates 1900, so the numbers are the same.
    private const string ColdFullPath = DashboardPath + "?start_date=1900-01-01";
    private const string WindowPath = DashboardPath + "?start_date=2024-01-01&end_date=2024-12-31";
    private const string SegmentPagePath = "/api/campaign/customers?segment=CHAMPIONS";
    private const string ExportPath = "/api/campaign/customers/export";
    private const int WarmPageRequests = 50;
    private const string ComparisonPath =
        "/api/campaign/dashboard?start_date=2025-01-01&end_date=2025-12-31&compare_start_date=2024-01-01&compare_end_date=2024-12-31";
    private const string MigrationPath = "/api/campaign/segment-migration?from_date=2024-12-31&to_date=2025-12-31";
    private const int WarmRequests = 300;
    private static readonly TimeSpan ThroughputDuration = TimeSpan.FromSeconds(10);

    private readonly List<Row> _rows = [];
    private long _peakRssKb;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        await BuildApiAsync(root, cancellationToken);
        if (IsScaleRun)
        {
            await ScaleCasesAsync(root, cancellationToken);
            return Report();
        }

        var large = await DatasetAsync((int)customers, transactions, cancellationToken);
        if (liveRefreshOnly)
        {
            await LiveRefreshAsync(root, large, cancellationToken);
            return Report();
        }

        var small = await DatasetAsync(10_000, 100_000, cancellationToken);
        var mobile = new SyntheticRetailData((int)customers, transactions, seed: 1).Customers().First(c => c.Mobile is not null).Mobile!;

        var coldFull = new List<double>();
        var coldWindowWithoutPrediction = new List<double>();
        var mobileAfterFull = new List<double>();
        var warmServer = new List<double>();
        var coldWindow = new List<double>();
        var coldBucket = new List<double>();
        var coldSmall = new List<double>();
        var segmentPageAfterFull = new List<double>();
        var segmentPageWarm = new List<double>();
        var export = new List<double>();
        var exportRssGrowth = new List<double>();
        var coldComparison = new List<double>();
        var coldMigration = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            output.WriteLine($"run {run}/{runs}");
            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
            {
                coldFull.Add(await api.TimeAsync(ColdFullPath, cancellationToken));
                segmentPageAfterFull.Add(await api.TimeAsync(SegmentPagePath, cancellationToken));
                for (var i = 0; i < WarmPageRequests; i++)
                {
                    segmentPageWarm.Add(await api.TimeAsync(SegmentPagePath, cancellationToken));
                }

                mobileAfterFull.Add(await api.TimeAsync($"{DashboardPath}?customer_mobile={Uri.EscapeDataString(mobile)}", cancellationToken));
                for (var i = 0; i < WarmRequests; i++)
                {
                    warmServer.Add(await api.ServerTimeAsync(DashboardPath, cancellationToken));
                }

                Track(api);
            }

            // A window ending before the data does is a new as-of date: its dashboard fits the prediction there. Without
            // the prediction, the same request says what the fit and forecast cost on top of the population.
            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken, new() { ["Prediction__Enabled"] = "false" }))
            {
                coldWindowWithoutPrediction.Add(await api.TimeAsync(WindowPath, cancellationToken));
                Track(api);
            }

            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
            {
                coldWindow.Add(await api.TimeAsync(WindowPath, cancellationToken));
                Track(api);
            }

            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
            {
                coldBucket.Add(await api.TimeAsync($"{DashboardPath}?m_value_bucket=1000-2000", cancellationToken));
                Track(api);
            }

            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
            {
                coldComparison.Add(await api.TimeAsync(ComparisonPath, cancellationToken));
                Track(api);
            }

            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
            {
                coldMigration.Add(await api.TimeAsync(MigrationPath, cancellationToken));
                Track(api);
            }

            await using (var api = await ApiProcess.StartAsync(root, small, cancellationToken))
            {
                coldSmall.Add(await api.TimeAsync(ColdFullPath, cancellationToken));
                Track(api);
            }

            // Export: every customer of the large dataset, to the last byte; the API's memory before it (with the
            // unfiltered dashboard computed) and at its peak during it.
            await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
            {
                await api.TimeAsync(DashboardPath, cancellationToken);
                var before = api.RssKb();
                export.Add(await api.TimeAsync(ExportPath, cancellationToken));
                exportRssGrowth.Add((api.PeakRssKb() - before) / 1024.0);
                Track(api);
            }
        }

        (double RequestsPerSecond, long Errors) throughput;
        await using (var api = await ApiProcess.StartAsync(root, large, cancellationToken))
        {
            await api.TimeAsync(DashboardPath, cancellationToken);
            throughput = await api.ThroughputAsync(DashboardPath, connections: 32, ThroughputDuration, cancellationToken);
            Track(api);
        }

        var scale = $"{customers:N0} customers, {transactions:N0} transactions";
        Add($"cold full dashboard, no filters, another cache key than the warm-up's (its prediction fitted by the warm-up) ({scale})", "median <= 1.0 s", coldFull, Seconds);
        Add("cold with a date window (2024), prediction off", "median <= 1.0 s", coldWindowWithoutPrediction, Seconds);
        Add("the same with the prediction: every history to 2024-12-31 read, both models fitted, every customer forecast", "median <= the row above + 5 s", coldWindow, Seconds);
        Add("cold with a bucket filter (m_value_bucket=1000-2000)", "median <= 1.0 s", coldBucket, Seconds);
        Add("one customer by mobile, after the unfiltered dashboard", "<= 100 ms", mobileAfterFull, Milliseconds);
        Add($"warm repeat, server time (Server-Timing), {WarmRequests} requests per run", "p50 <= 2 ms", warmServer, Milliseconds);
        _rows.Add(new Row("throughput, warm, 32 connections on loopback, 10 s", ">= 5,000 requests/s, zero errors",
            string.Create(CultureInfo.InvariantCulture, $"{throughput.RequestsPerSecond:N0} requests/s, {throughput.Errors} errors"), "1 run"));
        _rows.Add(new Row("API process peak RSS (VmHWM) during all of the above", "<= 2 GB",
            string.Create(CultureInfo.InvariantCulture, $"{_peakRssKb / 1024.0:N0} MB"), "max of all processes"));
        Add("100,000 transactions, cold full dashboard", "median <= 100 ms", coldSmall, Milliseconds);
        Add("first page of one segment's customers (CHAMPIONS), cold after the unfiltered dashboard", "<= 150 ms", segmentPageAfterFull, Milliseconds);
        Add($"the same page warm, {WarmPageRequests} requests per run", "p50 <= 20 ms", segmentPageWarm, Milliseconds);
        Add($"export of all {customers:N0} customers as CSV, to the last byte", "<= 6 s", export, Seconds);
        Add("API peak RSS during the export, above its level before it", "<= 150 MB", exportRssGrowth, Megabytes);
        Add("cold dashboard of 2025 compared with 2024 (two populations)", "median <= 1.6 s", coldComparison, Seconds);
        Add("cold segment migration between two dates a year apart (2024-12-31 to 2025-12-31)", "median <= 2 s", coldMigration, Seconds);
        await LiveRefreshAsync(root, large, cancellationToken);
        return Report();
    }

    /// <summary>
    /// Fresh data while serving (ADR 8): a daily file of <see cref="DeltaRows"/> transactions (nine in ten new, one in ten
    /// changing an existing one) imported with `campaign import` into a copy of the large dataset while the API serves it
    /// and eight connections keep asking for dashboards; the import's time, the requests that failed, and their p99.
    /// </summary>
    private async Task LiveRefreshAsync(string root, string large, CancellationToken cancellationToken)
    {
        var delta = Path.Combine(dataDirectory, "bench-delta-transactions.csv");
        var changed = DeltaRows / 10;
        var lastDay = new DateOnly(2025, 12, 31);
        WriteDelta(delta, Enumerable.Range(0, DeltaRows).Select(i => new TransactionRecord(
            i < changed ? i + 1 : transactions + i + 1, (i % customers) + 1, lastDay, 10m + (i % 500), 1 + (i % 5), 2m)));

        var importSeconds = new List<double>();
        var latencies = new List<double>();
        long failed = 0;
        for (var run = 1; run <= runs; run++)
        {
            output.WriteLine($"live refresh {run}/{runs}");
            var copy = Path.Combine(dataDirectory, "bench-live-refresh.duckdb");
            DeleteWithSidecars(copy);
            File.Copy(large, copy);
            await using (var api = await ApiProcess.StartAsync(root, copy, cancellationToken))
            {
                await api.TimeAsync(DashboardPath, cancellationToken);
                using var importDone = new CancellationTokenSource();
                var load = api.LoadAsync([DashboardPath, $"{DashboardPath}?start_date=2025-01-01&end_date=2025-12-31"], connections: 8, importDone.Token);
                var started = Stopwatch.GetTimestamp();
                var exitCode = await Commands.RunAsync(
                    ["import", "--transactions", delta], TextWriter.Null, output,
                    [new("ConnectionStrings:Campaign", $"Data Source={copy}"), new("Database:Provider", "DuckDb")], cancellationToken);
                importSeconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await importDone.CancelAsync();
                var (times, errors) = await load;
                latencies.AddRange(times);
                failed += errors;
                if (exitCode != ExitCodes.Success || errors > 0)
                {
                    output.WriteLine($"The API's log (warnings and errors) during live refresh {run}:");
                    output.WriteLine(api.LogTail());
                }

                if (exitCode != ExitCodes.Success)
                {
                    throw new InvalidOperationException($"The import into the served database exited {exitCode}.");
                }

                Track(api);
            }

            DeleteWithSidecars(copy);
        }

        Add($"{DeltaRows:N0}-row daily file imported into the served database ({customers:N0} customers, {transactions:N0} transactions), under load",
            "<= 10 s", importSeconds, Seconds);
        latencies.Sort();
        _rows.Add(new Row("dashboard requests during the import (8 connections)", "zero failed; p99 recorded",
            string.Create(CultureInfo.InvariantCulture,
                $"{failed} failed of {latencies.Count + failed:N0}; p99 {(latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * 0.99) - 1)]):0.0} ms"),
            $"{runs} run(s)"));
    }

    /// <summary>
    /// Deletes a database copy with the files beside it: a killed API leaves its WAL (which the next copy's API would
    /// replay, importing the daily file twice) and its <c>.api.json</c>.
    /// </summary>
    private static void DeleteWithSidecars(string database)
    {
        foreach (var path in new[] { database, database + ".wal", database + ".api.json" })
        {
            File.Delete(path);
        }
    }

    private static void WriteDelta(string path, IEnumerable<TransactionRecord> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        Infrastructure.Import.CampaignCsv.WriteTransactions(writer, rows);
    }

    private static string Seconds(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s");

    private static string Milliseconds(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms");

    private static string Megabytes(double mb) => string.Create(CultureInfo.InvariantCulture, $"{mb:N0} MB");

    private void Add(string name, string target, List<double> samples, Func<double, string> format)
    {
        var sorted = samples.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        _rows.Add(new Row(name, target, format(median), $"min {format(sorted[0])}, max {format(sorted[^1])}, n={sorted.Length}"));
    }

    private void Track(ApiProcess api) => _peakRssKb = Math.Max(_peakRssKb, api.PeakRssKb());

    private string Report()
    {
        var memoryKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "?";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `campaign bench --runs {runs}{(transactions == 10_000_000 ? string.Empty : $" --transactions {transactions}")}` on {Environment.ProcessorCount} cores, " +
                $"{long.Parse(memoryKb, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                $".NET {Environment.Version}; client and server share the machine.")
            .AppendLine()
            .AppendLine("| case | target | measured | spread |")
            .AppendLine("|---|---|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Case} | {row.Target} | {row.Measured} | {row.Spread} |");
        }

        return text.ToString();
    }

    private async Task<string> DatasetAsync(int customerCount, long transactionCount, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, $"bench-v{SyntheticRetailData.Version}-{customerCount}-{transactionCount}.duckdb"));
        if (File.Exists(path))
        {
            output.WriteLine($"Database: {path}");
            return path;
        }

        output.WriteLine($"generating {customerCount:N0} customers, {transactionCount:N0} transactions into {path}");
        var temporary = path + ".partial";
        File.Delete(temporary);
        await using (var services = CliServices.Build([new("ConnectionStrings:Campaign", $"Data Source={temporary}"), new("Database:Provider", "DuckDb")]))
        {
            await services.GetRequiredService<ICampaignDataStore>().EnsureSchemaAsync(cancellationToken);
            var data = new SyntheticRetailData(customerCount, transactionCount, seed: 1);
            await services.GetRequiredService<ICampaignImporter>().ImportAsync(
                ImportBatch.FromRecords("generated", data.Customers(), data.Transactions()), null, cancellationToken);
        }

        // Only a complete dataset gets the final name.
        File.Move(temporary, path);
        return path;
    }

    private async Task BuildApiAsync(string root, CancellationToken cancellationToken)
    {
        output.WriteLine("building the API (Release)");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "Api"), "-c", "Release", "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
        })!;
        await build.StandardOutput.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet build src/Api -c Release failed.");
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CampaignDashboard.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark inside the repository: CampaignDashboard.sln was not found.");
    }

    private sealed record Row(string Case, string Target, string Measured, string Spread);

    /// <summary>The API in its own process on a free loopback port, as deployed (Release build).</summary>
    private sealed class ApiProcess : IAsyncDisposable
    {
        /// <summary>The start-up warm-up computes the default dashboard, prediction included: 47 s at 100M transactions.</summary>
        private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

        private const int LogLinesKept = 100;
        private readonly Process _process;
        private readonly HttpClient _client;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

        private ApiProcess(Process process, HttpClient client)
        {
            _process = process;
            _client = client;
        }

        /// <summary>The Release API over <paramref name="database"/>; <paramref name="settings"/> are extra environment variables.</summary>
        public static async Task<ApiProcess> StartAsync(
            string root, string database, CancellationToken cancellationToken, Dictionary<string, string>? settings = null)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "CampaignDashboard.Api.dll"),
                "--urls", $"http://127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
                    ["Authentication__Mode"] = "None",
                    ["RateLimiting__PermitLimit"] = "0",
                    ["ConnectionStrings__Campaign"] = $"Data Source={database}",
                    ["Database__DuckDbMemoryLimit"] = "1GB",
                    ["Serilog__MinimumLevel__Default"] = "Warning",
                },
            };
            foreach (var (name, value) in settings ?? [])
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start)!;
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromMinutes(2),
            };
            var api = new ApiProcess(process, client);
            process.OutputDataReceived += (_, line) => api.Keep(line.Data);
            process.ErrorDataReceived += (_, line) => api.Keep(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync("/health/live", cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return api;
                    }
                }
                catch (HttpRequestException) when (deadline.Elapsed < StartTimeout && !process.HasExited)
                {
                    // not listening yet
                }

                if (process.HasExited || deadline.Elapsed > StartTimeout)
                {
                    await api.DisposeAsync();
                    throw new InvalidOperationException($"The API did not start within {StartTimeout.TotalSeconds} s.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        /// <summary>The last lines the API wrote (warnings and errors: its log level is Warning here).</summary>
        public string LogTail() => string.Join(Environment.NewLine, _log);

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _log.Enqueue(line);
            while (_log.Count > LogLinesKept)
            {
                _log.TryDequeue(out _);
            }
        }

        /// <summary>Wall time of one request, in milliseconds; a non-success status fails the benchmark.</summary>
        public async Task<double> TimeAsync(string path, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await _client.GetAsync(path, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            response.EnsureSuccessStatusCode();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        /// <summary>The server's own time for one request (its Server-Timing header), in milliseconds.</summary>
        public async Task<double> ServerTimeAsync(string path, CancellationToken cancellationToken)
        {
            using var response = await _client.GetAsync(path, cancellationToken);
            response.EnsureSuccessStatusCode();
            var timing = response.Headers.GetValues("Server-Timing").Single();
            return double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
        }

        public async Task<(double RequestsPerSecond, long Errors)> ThroughputAsync(
            string path, int connections, TimeSpan duration, CancellationToken cancellationToken)
        {
            long succeeded = 0, failed = 0;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
            {
                while (stopwatch.Elapsed < duration)
                {
                    try
                    {
                        using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                        Interlocked.Increment(ref response.IsSuccessStatusCode ? ref succeeded : ref failed);
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }));
            return (succeeded / stopwatch.Elapsed.TotalSeconds, failed);
        }

        /// <summary>
        /// Requests <paramref name="paths"/> in turn on <paramref name="connections"/> connections until
        /// <paramref name="stop"/>: each answered request's wall time in milliseconds, and how many failed.
        /// </summary>
        public async Task<(List<double> Times, long Errors)> LoadAsync(IReadOnlyList<string> paths, int connections, CancellationToken stop)
        {
            var times = new System.Collections.Concurrent.ConcurrentBag<double>();
            long failed = 0;
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async connection =>
            {
                for (var i = connection; !stop.IsCancellationRequested; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await _client.GetAsync(paths[i % paths.Count], HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                        if (response.IsSuccessStatusCode)
                        {
                            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                        else
                        {
                            Interlocked.Increment(ref failed);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }));
            return ([.. times], failed);
        }

        /// <summary>The process's peak resident set size so far (Linux VmHWM), in KB; 0 where unknown.</summary>
        public long PeakRssKb() => StatusKb(_process.Id, "VmHWM:");

        /// <summary>The process's resident set size now (Linux VmRSS), in KB; 0 where unknown.</summary>
        public long RssKb() => StatusKb(_process.Id, "VmRSS:");

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
