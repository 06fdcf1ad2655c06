using CampaignDashboard.Application.Common.Behaviours;
using CampaignDashboard.Application.Common.Caching;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Dashboard.Widgets;
using CampaignDashboard.Application.Prediction;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application;

public static class DependencyInjection
{
    /// <summary>Use cases, their pipeline and mapping. <paramref name="autoMapperLicenseKey"/> is AutoMapper:LicenseKey.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, string? autoMapperLicenseKey)
    {
        // Scoped: a request's widget queries share per-request state (the scored population) in Infrastructure.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(PerformanceBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });

        services.AddValidatorsFromAssemblyContaining<GetDashboardQueryValidator>(ServiceLifetime.Singleton);
        services.AddAutoMapper(cfg => cfg.LicenseKey = autoMapperLicenseKey, typeof(DashboardMappingProfile));
        services.AddScoped<DashboardComputation>();
        services.AddSingleton<ResponseCache>();
        services.TryAddSingleton<DataCommitGate>();
        AddWidgets(services);
        services.AddHybridCache();
        // HybridCache keeps responses in the IMemoryCache: bounded to Dashboard:ResponseCacheEntries.
        services.AddSingleton<IMemoryCache>(sp => new EntryCountedMemoryCache(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.ResponseCacheEntries));
        // A wrong setting stops the start with one line naming its key (README, "Configuration").
        services.AddOptions<DashboardOptions>()
            .BindCheckedConfiguration(DashboardOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.SectionName);
        services.AddOptions<SegmentationOptions>().BindConfiguration(SegmentationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SegmentationOptions>, SegmentationOptionsValidator>();
        services.AddSingleton<SegmentSchemes>();
        services.AddSingleton<FilterParser>();
        services.AddOptions<PredictionOptions>().BindCheckedConfiguration(PredictionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PredictionOptions>, PredictionOptionsValidator>();
        services.AddSingleton<PredictionCache>();
        return services;
    }

    /// <summary>Every widget class of this assembly: adding a widget is adding its class (and its scripts).</summary>
    private static void AddWidgets(IServiceCollection services)
    {
        var widgets = typeof(IDashboardWidget).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IDashboardWidget)));
        foreach (var widget in widgets)
        {
            // As itself too: a widget may run others (the comparison runs the KPI and segment widgets on its window).
            services.AddScoped(widget);
            services.AddScoped(typeof(IDashboardWidget), provider => provider.GetRequiredService(widget));
        }
    }
}
