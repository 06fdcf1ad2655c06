namespace CampaignDashboard.Application.Common.Exceptions;

/// <summary>
/// A setting the service cannot start with. The message is one line that names the configuration key and the fault,
/// e.g. "Database:Provider must be one of DuckDb, SqlServer; found 'Oracle'."; the API prints it instead of a stack
/// trace and exits with 1 (README, "Configuration"). An <see cref="InvalidOperationException"/>, as configuration
/// errors were before, so that callers that handle those (the command line) handle these alike.
/// </summary>
public sealed class StartupConfigurationException : InvalidOperationException
{
    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
