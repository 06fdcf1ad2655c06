using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignDashboard.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The configured engine (Database:Provider, ConnectionStrings:Campaign) and the dashboard's queries on it.
    /// Relative DuckDB file paths are resolved against <paramref name="baseDirectory"/>. A wrong setting throws
    /// <see cref="StartupConfigurationException"/> or <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>,
    /// one line naming its key.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        var database = DatabaseOptions.Read(configuration);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        // Result columns are snake_case; row records are PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

        switch (database.Provider)
        {
            case DatabaseProvider.DuckDb:
                var resolved = DuckDbConnectionStrings.Resolve(connectionString, baseDirectory);
                var memoryLimit = database.DuckDbMemoryLimit is { Length: > 0 } limit ? DuckDbEngine.ValidMemoryLimit(limit) : null;
                services.AddSingleton(_ => new DuckDbEngine(resolved, database.CommandTimeoutSeconds, memoryLimit, database.DuckDbThreads));
                services.AddSingleton<IDatabaseEngine>(sp => sp.GetRequiredService<DuckDbEngine>());
                services.AddSingleton<ICampaignDataStore, DuckDbCampaignDataStore>();
                services.AddSingleton<ICampaignImporter, DuckDbCampaignImporter>();
                services.AddSingleton<IScoredPopulationBuilder, DuckDbScoredPopulationBuilder>();
                services.AddSingleton<ScoredPopulationCache>();
                services.AddScoped<ISelectionInputs, MaterializedSelectionInputs>();
                services.AddSingleton<PredictionTables, DuckDbPredictionTables>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new StartupConfigurationException(
                        "ConnectionStrings:Campaign is empty, but Database:Provider is SqlServer: set it to the SQL Server connection string (see docs/sql-server.md).");
                }

                services.AddSingleton(_ => new SqlServerEngine(connectionString, database.CommandTimeoutSeconds));
                services.AddSingleton<IDatabaseEngine>(sp => sp.GetRequiredService<SqlServerEngine>());
                services.AddSingleton<SqlServerMigrator>();
                services.AddSingleton<ICampaignDataStore, SqlServerCampaignDataStore>();
                services.AddSingleton<ICampaignImporter, SqlServerCampaignImporter>();
                services.AddSingleton<SqlServerPopulationTables>();
                services.AddScoped<ISelectionInputs, SqlServerSelectionInputs>();
                services.AddSingleton<PredictionTables, SqlServerPredictionTables>();
                break;
            default:
                throw new StartupConfigurationException(
                    $"Database:Provider must be one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}; found '{database.Provider}'.");
        }

        services.TryAddSingleton<DataCommitGate>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatabaseDamage>();
        services.AddSingleton<DataVersionMonitor>();
        services.AddSingleton<IDataVersionSource>(sp => sp.GetRequiredService<DataVersionMonitor>());
        services.AddSingleton<DashboardParameterBinder>();
        services.AddScoped<IDashboardQueries, SqlDashboardQueries>();
        return services;
    }
}
