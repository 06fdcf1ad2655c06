namespace CampaignDashboard.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input was rejected (bad rows, missing files); nothing was changed.</summary>
    public const int Rejected = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The database cannot be written (held by another process, unreachable, damaged, its disk full); nothing was changed.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary>Anything else went wrong; the transaction was rolled back, so nothing was changed.</summary>
    public const int Failed = 4;
}
