using System.Globalization;
using System.Text.Json;
using CampaignDashboard.Api;
using CampaignDashboard.Api.Contracts;
using CampaignDashboard.Api.Errors;
using CampaignDashboard.Api.Health;
using CampaignDashboard.Api.Logging;
using CampaignDashboard.Api.OpenApi;
using CampaignDashboard.Api.Security;
using CampaignDashboard.Api.ServiceDefaults;
using CampaignDashboard.Application;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Infrastructure;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Serilog;

// A start that fails ends with an exit code, never "Unhandled exception." and 134: a refusal (a wrong setting, an
// address in use, a database held by another process) is one line naming the key or the address, exit code 1, 2 or 3;
// anything else is a bug, logged with its stack trace, exit code 4 (StartupFailure, README "Configuration"). Hosted
// by WebApplicationFactory (the tests), the exception is left to reach the host.
WebApplication? app = null;
var hostRan = false;
try
{
    var builder = WebApplication.CreateBuilder(LaunchProfileDefaults.Options(args));
    LaunchProfileDefaults.ApplyUrls(builder);

    // build.ps1 -Target Migrate passes --migrate-only: bring the schema up to date, seed nothing, serve nothing.
    var migrateOnly = args.Contains("--migrate-only");

    // Security settings are read and checked before anything starts: a wrong one stops the start with its key named
    // (docs/security.md). Outside Development the API refuses to start without Authentication:Mode.
    var authentication = migrateOnly
        ? new AuthenticationSettings(AuthenticationMode.None)
        : AuthenticationSettings.Read(builder.Configuration, builder.Environment);
    var rateLimiting = RateLimitingSettings.Read(builder.Configuration);
    var allowedOrigins = CorsSetup.ReadAllowedOrigins(builder.Configuration);
    var database = DatabaseOptions.Read(builder.Configuration);

    builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    // Personal data (customer_mobile, customer_name) is redacted from every event by the last enricher. The host's
    // own logger is used everywhere (preserveStaticLogger, and the request logger below), never the process-wide
    // static one: hosts side by side in one process (the tests) each keep their own sinks, levels and redaction.
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddSingleton<PersonalDataRedactor>();
    builder.Services.AddSerilog(
        (services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With(services.GetRequiredService<PersonalDataRedactor>())
            // A refusal is reported as one line below; the host's and Kestrel's own events about it would add stack traces.
            .Filter.ByExcluding(logEvent => StartupFailure.IsLoggedByTheFailingHost(logEvent.Exception, services))
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture),
        preserveStaticLogger: true);

    builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);

    builder.Services
        .AddControllers(mvc =>
        {
            mvc.Filters.Add<StrictQueryParametersFilter>();
            mvc.Filters.Add<DatabaseDeadline.EndsBeforeTheResponse>();
        })
        .AddJsonOptions(o => o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
    builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    });
    builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
    builder.Services.AddDashboardAuthentication(authentication);
    builder.Services.AddCustomerDataPolicy(builder.Configuration, authentication);
    builder.Services.AddImportPolicy(builder.Configuration, authentication);
    builder.Services.AddSingleton<ImportWarmup>();
    builder.Services.AddDashboardRateLimiting(rateLimiting);
    builder.Services.AddDashboardCors(allowedOrigins);
    builder.Services.AddDashboardHealthChecks();
    builder.Services.AddDashboardTelemetry(builder.Configuration);
    builder.Services.AddOpenApiDocument(settings =>
    {
        settings.DocumentName = "v1";
        settings.Title = "Campaign Dashboard API";
        settings.Version = "v1";
        // The configured currency (checked at start like the rest of the section), so a client generated from the document knows it.
        var currency = builder.Configuration.GetSection(DashboardOptions.SectionName)[nameof(DashboardOptions.Currency)] ?? DashboardOptions.DefaultCurrency;
        settings.Description = "RFM campaign dashboard over a retailer's customer transactions. Metric definitions: docs/metrics.md. " +
            $"Every amount (spending, profit, order values) is in {currency} (ISO 4217, setting Dashboard:Currency; also the dashboard's meta.currency).";
        settings.OperationProcessors.Add(new ProblemJsonResponsesProcessor());
        settings.AddBearerSecurity(authentication);
    });

    app = builder.Build();

    // The options checked at start (ValidateOnStart) are checked now, before the database is touched.
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    app.UseSecurityHeaders();

    // One event per request with RequestPath only: the query string (customers' mobiles and names) is never included.
    app.UseSerilogRequestLogging(options =>
    {
        options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        options.IncludeQueryInRequestPath = false;
    });

    // Inside the request log, so that it logs the status the client got (400, 503, ...), not a failure for every exception.
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();

        // Probes call the health endpoints over plain HTTP from inside the cluster: those are not redirected.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
    }

    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.UseOpenApi();
    app.UseSwaggerUi();
    app.UseRouting();
    app.UseCors();
    app.UseAuthentication();
    if (rateLimiting.Enabled)
    {
        // After authentication (a caller is partitioned by its token's subject), before authorization (unauthenticated
        // callers are limited by address too).
        app.UseRateLimiter();
    }

    app.UseAuthorization();
    app.UseDatabaseDeadline(database.CommandTimeoutSeconds);
    app.MapDashboardHealthChecks();
    app.MapControllers();

    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowDemoData: !migrateOnly, app.Lifetime.ApplicationStopping);
    if (migrateOnly)
    {
        return 0;
    }

    try
    {
        await StartupWarmup.RunAsync(app, app.Logger, app.Lifetime.ApplicationStopping);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        // Not fatal: the database may be down at start; requests then answer 503 until it is back.
        app.Logger.LogWarmupFailed(e);
    }

    app.Logger.LogSecurity(app.Environment, authentication, rateLimiting, allowedOrigins);
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // `campaign import` finds this API by the file it holds and hands its import over (ADR 8); announced before
        // the addresses are logged, so that whoever waits for that line finds the announcement.
        if (app.Services.GetService<DuckDbEngine>() is { } duckDb && addresses.Count > 0)
        {
            var databaseFile = DuckDbConnectionStrings.FilePath(duckDb.ConnectionString);
            ServingApi.Announce(databaseFile, addresses);
            app.Lifetime.ApplicationStopping.Register(() => ServingApi.Withdraw(databaseFile));
        }

        foreach (var address in addresses)
        {
            app.Logger.LogListening(address);
        }
    });

    hostRan = true;
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.ApiIsTheProcess && e is not HostAbortedException)
{
    return await StartupFailure.ReportAsync(e, app, hostRan);
}

/// <summary>The API host; public for WebApplicationFactory in tests.</summary>
public partial class Program;
