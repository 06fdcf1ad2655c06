namespace CampaignDashboard.Api;

internal static partial class StartupMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {Address}/api/campaign/dashboard  Swagger UI: {Address}/swagger")]
    public static partial void LogListening(this ILogger logger, string address);
}
