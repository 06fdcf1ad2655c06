namespace CampaignDashboard.Application.Data;

/// <summary>Writes and inspects the two campaign relations, whatever engine holds them.</summary>
public interface ICampaignDataStore
{
    /// <summary>Creates the schema if missing; safe to call on every start.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    Task<bool> HasTransactionsAsync(CancellationToken cancellationToken);

    /// <summary>Appends rows in one transaction: all of them land, or none.</summary>
    Task AppendAsync(IEnumerable<CustomerRecord> customers, IEnumerable<TransactionRecord> transactions, CancellationToken cancellationToken);

    /// <summary>Where the data lives, for start-up messages (a file path or a server and database).</summary>
    string Describe();
}
