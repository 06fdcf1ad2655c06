using System.Globalization;
using System.Text.Json;
using CampaignDashboard.Api;
using CampaignDashboard.Api.Errors;
using CampaignDashboard.Api.OpenApi;
using CampaignDashboard.Application;
using CampaignDashboard.Infrastructure;
using CampaignDashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services
    .AddControllers()
    .AddJsonOptions(o => o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApiDocument(settings =>
{
    settings.DocumentName = "v1";
    settings.Title = "Campaign Dashboard API";
    settings.Version = "v1";
    settings.Description = "RFM campaign dashboard over a retailer's customer transactions. Metric definitions: docs/metrics.md.";
    settings.OperationProcessors.Add(new ProblemJsonResponsesProcessor());
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSerilogRequestLogging();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseOpenApi();
app.UseSwaggerUi();
app.MapControllers();

// build.ps1 -Target Migrate passes --migrate-only: bring the schema up to date, seed nothing, serve nothing.
var migrateOnly = args.Contains("--migrate-only");
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowDemoData: !migrateOnly, app.Lifetime.ApplicationStopping);
if (migrateOnly)
{
    return;
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        app.Logger.LogListening(address);
    }
});

await app.RunAsync();

/// <summary>The API host; public for WebApplicationFactory in tests.</summary>
public partial class Program;
