using System.Data.Common;
using CampaignDashboard.Infrastructure.Import;
using Dapper;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// Recomputes campaign.customer_days for the customers listed in campaign_import.affected_customers (a large import's,
/// or every customer for derived/rebuild.sql), about <see cref="CustomersPerRange"/> customers at a time, in the
/// caller's transaction. Small imports merge their changes instead (derived/customer_days_merge.sql).
/// </summary>
internal static class CustomerDaysRefresh
{
    private const long CustomersPerRange = 100_000;

    public static async Task RunAsync(DbConnection connection, DbTransaction transaction, IDatabaseEngine engine, CancellationToken cancellationToken)
    {
        var affected = await connection.QuerySingleAsync<AffectedCustomers>(new CommandDefinition(
            engine.Script("derived/affected_customer_ids"), transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        if (affected.FirstId is not { } first || affected.LastId is not { } last)
        {
            return;
        }

        var refresh = engine.Script("derived/customer_days_refresh");
        foreach (var (from, to) in IdRanges.Split(first, last, affected.Customers, CustomersPerRange))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                refresh, new { first_customer_id = from, last_customer_id = to }, transaction, 0, cancellationToken: cancellationToken));
        }
    }

    private sealed record AffectedCustomers(long? FirstId, long? LastId, long Customers);
}
