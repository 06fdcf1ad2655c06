namespace CampaignDashboard.Api.Security;

/// <summary>Response headers every answer carries, error pages included (set when the response starts).</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";

            // Dashboard URLs carry customers' mobiles and names in the query string: never pass them on as a referrer.
            headers["Referrer-Policy"] = "no-referrer";
            headers.Remove("Server");
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
