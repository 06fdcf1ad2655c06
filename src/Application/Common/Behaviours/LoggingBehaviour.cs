using Mediator;
using Microsoft.Extensions.Logging;

namespace CampaignDashboard.Application.Common.Behaviours;

/// <summary>Logs which use case runs. Only the message type is logged: requests can carry personal data.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        LogHandling(typeof(TMessage).Name);
        return next(message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handling {MessageType}")]
    private partial void LogHandling(string messageType);
}
