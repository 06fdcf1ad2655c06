namespace CampaignDashboard.Application.Data;

/// <summary>The schema and state of the two campaign relations, whatever engine holds them.</summary>
public interface ICampaignDataStore
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    Task<bool> HasTransactionsAsync(CancellationToken cancellationToken);

    /// <summary>A number that changes whenever an import or generate writes data (caches key on it).</summary>
    Task<long> GetDataVersionAsync(CancellationToken cancellationToken);

    /// <summary>Where the data lives, for start-up messages (a file path or a server and database).</summary>
    string Describe();
}
