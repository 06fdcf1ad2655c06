using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CampaignDashboard.Application.Common.Behaviours;

/// <summary>Times every use case; slow ones are logged as warnings so that they show up without a profiler.</summary>
public sealed partial class PerformanceBehaviour<TMessage, TResponse>(ILogger<PerformanceBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromSeconds(1);

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > SlowThreshold)
        {
            LogSlow(typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }
        else
        {
            LogTimed(typeof(TMessage).Name, elapsed.TotalMilliseconds);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow use case {MessageType}: {ElapsedMilliseconds:0.0} ms")]
    private partial void LogSlow(string messageType, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{MessageType} took {ElapsedMilliseconds:0.0} ms")]
    private partial void LogTimed(string messageType, double elapsedMilliseconds);
}
