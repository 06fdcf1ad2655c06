using System.Diagnostics;
using System.Globalization;
using CampaignDashboard.Application.DemoData;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Cli;

/// <summary>
/// The "one hundred million transactions" cases, run instead of the others from <see cref="ScaleRunTransactions"/>
/// transactions on (e.g. `bench --transactions 100000000 --runs 1`): the command line's generate with its default
/// settings (time and peak memory), a bare per-customer aggregate of the transactions in DuckDB (the yardstick), and the
/// API's cold dashboards, unfiltered and with a window, a name and a bucket filter, each in a fresh process.
/// </summary>
public sealed partial class Bench
{
    /// <summary>Datasets from this size on are measured by the scale cases.</summary>
    public const long ScaleRunTransactions = 50_000_000;

    private const string TwoYearWindowPath = DashboardPath + "?start_date=2024-01-01&end_date=2025-12-31";
    private const string NamePath = DashboardPath + "?customer_name=smith";
    private const string BucketPath = DashboardPath + "?m_value_bucket=1000-2000";

    private bool IsScaleRun => transactions >= ScaleRunTransactions && !liveRefreshOnly;

    /// <summary>Where <c>--report</c> writes this run's table: a scale run keeps its own, beside the 10M one.</summary>
    public string ReportMarker => IsScaleRun ? "bench-scale" : "bench";

    private async Task ScaleCasesAsync(string root, CancellationToken cancellationToken)
    {
        var (database, generateMs, generatePeakKb) = await GenerateWithDefaultsAsync(cancellationToken);
        var bare = new List<double>();
        var starts = new List<double>();
        var cases = new (string Name, string Path, List<double> Samples)[]
        {
            ("unfiltered (another cache key than the warm-up's)", ColdFullPath, []),
            ("two-year window (2024-2025)", TwoYearWindowPath, []),
            ("name filter (customer_name=smith)", NamePath, []),
            ("bucket filter (m_value_bucket=1000-2000)", BucketPath, []),
        };
        for (var run = 1; run <= runs; run++)
        {
            output.WriteLine($"scale run {run}/{runs}");
            bare.Add(await BareAggregateAsync(database, cancellationToken));
            foreach (var (_, path, samples) in cases)
            {
                var started = Stopwatch.GetTimestamp();
                await using var api = await ApiProcess.StartAsync(root, database, cancellationToken);
                starts.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                samples.Add(await api.TimeAsync(path, cancellationToken));
                Track(api);
            }
        }

        var size = $"({customers:N0} customers, {transactions:N0} transactions)";
        _rows.Add(new Row($"`generate` with the command line's defaults (64 MB cap, raised for the batch) {size}", "no flag; peak RSS stated",
            string.Create(CultureInfo.InvariantCulture, $"{generateMs / 1000:0} s, peak RSS {generatePeakKb / 1024.0:N0} MB"), "1 run"));
        Add("bare per-customer aggregate of the transactions in DuckDB (count, sum, max; 1GB, every core)", "the yardstick", bare, Seconds);
        var bareMedian = bare.Order().ElementAt(bare.Count / 2);
        foreach (var (name, _, samples) in cases)
        {
            var target = name.StartsWith("unfiltered", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"median <= 3.5 s and <= 2.5 x the aggregate ({2.5 * bareMedian / 1000:0.00} s)")
                : "median <= 1.5 s";
            Add($"cold dashboard, {name}, fresh API", target, samples, Seconds);
        }

        Add("API start-up until it listens (schema, warm-up of the default dashboard and its prediction)", "recorded", starts, Seconds);
        _rows.Add(new Row("API process peak RSS (VmHWM) during all of the above", "<= 3 GB",
            string.Create(CultureInfo.InvariantCulture, $"{_peakRssKb / 1024.0:N0} MB"), "max of all processes"));
    }

    /// <summary>
    /// Generates the dataset afresh with `campaign generate` in a process of its own, as a user runs it (no setting
    /// given): its wall time and peak resident set (VmHWM, read until it exits).
    /// </summary>
    private async Task<(string Database, double Milliseconds, long PeakKb)> GenerateWithDefaultsAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = Path.GetFullPath(Path.Combine(dataDirectory, $"bench-v{SyntheticRetailData.Version}-{customers}-{transactions}.duckdb"));
        DeleteWithSidecars(database);
        output.WriteLine($"generating {customers:N0} customers, {transactions:N0} transactions into {database} with `campaign generate`");
        var start = new ProcessStartInfo("dotnet", [typeof(Bench).Assembly.Location, "generate",
            "--customers", customers.ToString(CultureInfo.InvariantCulture), "--transactions", transactions.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Campaign"] = $"Data Source={database}" },
        };
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var lastLine = string.Empty;
        process.OutputDataReceived += (_, line) => lastLine = line.Data ?? lastLine;
        process.BeginOutputReadLine();
        long peakKb = 0;
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, StatusKb(process.Id, "VmHWM:"));
            await Task.Delay(200, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"campaign generate exited {process.ExitCode}: {await errors}");
        }

        output.WriteLine(lastLine);
        return (database, elapsed, peakKb);
    }

    /// <summary>The yardstick: DuckDB's own per-customer aggregate of every transaction, nothing else, in milliseconds.</summary>
    private static async Task<double> BareAggregateAsync(string database, CancellationToken cancellationToken)
    {
        await using var services = CliServices.Build([
            new("ConnectionStrings:Campaign", $"Data Source={database}"), new("Database:Provider", "DuckDb"),
            new("Database:DuckDbMemoryLimit", "1GB"), new("Database:DuckDbThreads", "0")]);
        var engine = services.GetRequiredService<IDatabaseEngine>();
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(engine.Qualify(
            "SELECT COUNT(*) FROM (SELECT customer_id, COUNT(*), SUM(amount), MAX(transaction_date) FROM campaign.transactions GROUP BY customer_id)"),
            commandTimeout: 0, cancellationToken: cancellationToken));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>A field of /proc/{pid}/status in KB (VmHWM, VmRSS); 0 where unknown.</summary>
    private static long StatusKb(int processId, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // not Linux, or the process has just exited
        }
    }
}
