using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>
/// The "Database" configuration section; the connection string is ConnectionStrings:Campaign. Read and checked by
/// <see cref="Read"/> when services are registered (the provider decides which services exist), not at ValidateOnStart.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Campaign";

    /// <summary>The most <see cref="DuckDbThreads"/>.</summary>
    public const int MaxDuckDbThreads = 256;

    /// <summary>DuckDb (embedded, the default) or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.DuckDb;

    /// <summary>How long one SQL command may run; 0 = no limit.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// DuckDB only: the most memory DuckDB's buffer pool may hold, e.g. "1GB" (DuckDB's default is 80% of RAM).
    /// Larger data spills to disk. The command line sets 64MB so that imports stay flat in memory (below that DuckDB fails on 10M-row batches).
    /// </summary>
    public string? DuckDbMemoryLimit { get; set; }

    /// <summary>
    /// DuckDB only: worker threads (DuckDB's default is one per core), 0 to <see cref="MaxDuckDbThreads"/>. The command line uses 1: its imports are bound
    /// by parsing, and every DuckDB thread keeps buffers of its own outside the memory limit.
    /// </summary>
    public int DuckDbThreads { get; set; }

    /// <summary>
    /// The section, checked: a value of the wrong kind throws <see cref="Application.Common.Exceptions.StartupConfigurationException"/>,
    /// a value out of range <see cref="OptionsValidationException"/>; both name the key.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        ConfigurationValues.Check<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var result = new DatabaseOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed
            ? throw new OptionsValidationException(Options.DefaultName, typeof(DatabaseOptions), result.Failures)
            : options;
    }
}

public enum DatabaseProvider
{
    DuckDb,
    SqlServer,
}

/// <summary>Checks the "Database" section; each fault is one sentence naming its key and the value found.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{Key(nameof(options.Provider))} must be one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}; found '{options.Provider}'.");
        }

        if (options.CommandTimeoutSeconds < 0)
        {
            failures.Add($"{Key(nameof(options.CommandTimeoutSeconds))} must be 0 (no limit) or more; found {options.CommandTimeoutSeconds}.");
        }

        if (options.DuckDbMemoryLimit is { Length: > 0 } limit && !DuckDbEngine.IsMemorySize(limit))
        {
            failures.Add($"{Key(nameof(options.DuckDbMemoryLimit))} must be a size such as 512MB or 2GB; found '{limit}'.");
        }

        if (options.DuckDbThreads is < 0 or > DatabaseOptions.MaxDuckDbThreads)
        {
            failures.Add($"{Key(nameof(options.DuckDbThreads))} must be from 0 (one per core) to {DatabaseOptions.MaxDuckDbThreads}; found {options.DuckDbThreads}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => $"{DatabaseOptions.SectionName}:{property}";
}
