namespace CampaignDashboard.Api;

internal static partial class StartupMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard page: {Address}/  API: {Address}/api/campaign/dashboard  Swagger UI: {Address}/swagger")]
    public static partial void LogListening(this ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up warm-up failed; the first requests will be slower")]
    public static partial void LogWarmupFailed(this ILogger logger, Exception exception);
}
