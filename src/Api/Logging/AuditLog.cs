using System.Diagnostics;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CampaignDashboard.Api.Logging;

/// <summary>
/// The audit trail of personal data leaving the service: one event per export, with who, what (the request's filter,
/// its personal values redacted), how many rows and how long. Never a name or a mobile.
/// </summary>
public static partial class AuditLog
{
    public static void Export(ILogger logger, HttpContext context, string export, long rows, long startedTimestamp)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var subject = context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "anonymous";
        var filter = PersonalDataRedactor.Scrub(context.Request.QueryString.Value ?? string.Empty, []);
        var seconds = Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;
        LogExport(logger, export, subject, filter, rows, seconds);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Audit: {Export} export by {Subject}, filter {Filter}: {Rows} rows in {Seconds:0.###} s")]
    private static partial void LogExport(ILogger logger, string export, string subject, string filter, long rows, double seconds);
}
