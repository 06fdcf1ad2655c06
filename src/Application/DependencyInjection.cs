using CampaignDashboard.Application.Common.Behaviours;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddScoped<DashboardWidgetQueries>();
        services.AddScoped<DashboardComputation>();
        services.AddHybridCache();
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
