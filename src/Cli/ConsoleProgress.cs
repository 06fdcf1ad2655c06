using System.Diagnostics;
using System.Globalization;
using CampaignDashboard.Application.Data;
using Spectre.Console;

namespace CampaignDashboard.Cli;

/// <summary>
/// Progress of long work: a live bar with rows/s on a terminal; plain lines, at most one every two seconds,
/// when the output is redirected (CI logs, scripts).
/// </summary>
public static class ConsoleProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(TextWriter output, string title, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        string Describe(ImportProgress p)
        {
            var seconds = Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 0.001);
            var share = p.Fraction is { } f ? $" ({f:P0})" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"{title}: {p.RowsRead:N0} rows{share}, {p.RowsRead / seconds:N0} rows/s");
        }

        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lastPrinted = Stopwatch.GetTimestamp();
            return await work(new Reporter(p =>
            {
                if (Stopwatch.GetElapsedTime(lastPrinted) >= PlainInterval)
                {
                    lastPrinted = Stopwatch.GetTimestamp();
                    output.WriteLine(Describe(p));
                }
            }));
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = await work(new Reporter(p =>
                {
                    task.Description = Markup.Escape(Describe(p));
                    if (p.Fraction is { } fraction)
                    {
                        task.Value = Math.Min(fraction, 1);
                    }
                }));
                task.Value = 1;
            });
        return result;
    }

    /// <summary>Reports synchronously on the working thread (Progress&lt;T&gt; would queue every report to the thread pool).</summary>
    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
