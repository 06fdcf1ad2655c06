using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Application.Data;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Api;

/// <summary>
/// How a start that fails ends the process. A refusal (a setting the API cannot start with, an address in use, a
/// database held by another process) is one line on stderr, "Campaign Dashboard did not start: ...", naming the key
/// or the address, and the exit code below; no stack trace. Anything else is a bug: logged once with its stack
/// trace, exit code <see cref="UnexpectedError"/>. Never the runtime's "Unhandled exception." and 134.
/// </summary>
internal static partial class StartupFailure
{
    /// <summary>A configuration setting is wrong (options validation, a missing or unknown key).</summary>
    public const int ConfigurationRefused = 1;

    /// <summary>An address to listen on is taken by another process.</summary>
    public const int AddressInUse = 2;

    /// <summary>The database cannot be opened: a DuckDB file held by another process, damaged, or not a database.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary>Anything else: a bug, logged with its stack trace.</summary>
    public const int UnexpectedError = 4;

    public const string Prefix = "Campaign Dashboard did not start: ";

    /// <summary>
    /// Whether the API is the process (dotnet CampaignDashboard.Api.dll, dotnet run). Hosted by another program
    /// (WebApplicationFactory in the tests, NSwag), the failure is left to reach that host as an exception.
    /// </summary>
    public static bool ApiIsTheProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>
    /// Whether a log event's exception is a refusal that the host and Kestrel log as the start fails (a bad option, an
    /// address in use); it is reported as one line at exit instead. Only before the application has started: later
    /// events are never dropped.
    /// </summary>
    public static bool IsLoggedByTheFailingHost(Exception? exception, IServiceProvider services) =>
        exception is not null
        && !services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested
        && AsRefusal(exception) is { ExitCode: ConfigurationRefused or AddressInUse };

    /// <summary>The exit code and the one-line message of a refusal; null for anything else.</summary>
    public static (int ExitCode, string Message)? AsRefusal(Exception exception) => exception switch
    {
        StartupConfigurationException => (ConfigurationRefused, exception.Message),
        OptionsValidationException invalid => (ConfigurationRefused, string.Join(" ", invalid.Failures)),
        // Kestrel's "Failed to bind to address http://127.0.0.1:5000: address already in use."
        IOException { InnerException: AddressInUseException } =>
            (AddressInUse, $"{exception.Message} Stop the process that holds it, or choose another address (--urls, ASPNETCORE_URLS or Kestrel:Endpoints)."),
        DataStoreUnavailableException or DataStoreDamagedException => (DatabaseUnavailable, exception.Message),
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0
                                          && aggregate.InnerExceptions.Select(AsRefusal).ToList() is var refusals
                                          && refusals.All(r => r is not null) =>
            (refusals[0]!.Value.ExitCode, string.Join("; ", refusals.Select(r => r!.Value.Message))),
        _ => null,
    };

    /// <summary>Reports the failure (see the class) and returns the process's exit code.</summary>
    /// <param name="app">The built application, if it got that far; its logger takes an unexpected error.</param>
    /// <param name="hostRan">Whether the host was started: it then logged an unexpected error itself and is disposed.</param>
    public static async Task<int> ReportAsync(Exception exception, WebApplication? app, bool hostRan)
    {
        if (AsRefusal(exception) is { } refusal)
        {
            await Console.Error.WriteLineAsync(Prefix + OneLine(refusal.Message));
            if (app is not null && !hostRan)
            {
                await app.DisposeAsync();
            }

            return refusal.ExitCode;
        }

        if (app is not null && !hostRan)
        {
            LogUnexpected(app.Logger, exception);
            await app.DisposeAsync(); // flushes the log
        }
        else if (!hostRan)
        {
            // Before the logger exists.
            await Console.Error.WriteLineAsync($"{Prefix}unexpected error: {exception}");
        }
        else
        {
            // The host logged it with its stack trace ("Hosting failed to start").
            await Console.Error.WriteLineAsync($"{Prefix}unexpected error (logged above): {OneLine(exception.Message)}");
        }

        return UnexpectedError;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    [LoggerMessage(Level = LogLevel.Critical, Message = "Campaign Dashboard did not start: unexpected error")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
