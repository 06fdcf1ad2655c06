using System.Data.Common;
using CampaignDashboard.Infrastructure.Import;
using Dapper;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// Runs a script for the customers listed in campaign_import.affected_customers, about <see cref="CustomersPerRange"/>
/// customers at a time (its $first_customer_id and $last_customer_id), in the caller's transaction: each range's
/// aggregate and sort fit a small memory limit. It recomputes the visits of a large import's customers (or of every
/// customer for derived/rebuild.sql: <see cref="RefreshVisitsAsync"/>; small imports merge their changes instead,
/// derived/customer_days_merge.sql), and their all-history totals (<see cref="CustomerTotals"/>).
/// </summary>
internal static class AffectedCustomerRanges
{
    private const long CustomersPerRange = 100_000;

    /// <summary>Recomputes campaign.customer_days for the affected customers.</summary>
    public static Task RefreshVisitsAsync(DbConnection connection, DbTransaction transaction, IDatabaseEngine engine, CancellationToken cancellationToken) =>
        RunPerRangeAsync(connection, transaction, engine, engine.Script("derived/customer_days_refresh"), new Dictionary<string, object?>(), cancellationToken);

    /// <summary>Runs <paramref name="sql"/> for each range of affected customers, with <paramref name="values"/> besides the range.</summary>
    public static async Task RunPerRangeAsync(
        DbConnection connection, DbTransaction transaction, IDatabaseEngine engine, string sql, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var affected = await connection.QuerySingleAsync<AffectedCustomers>(new CommandDefinition(
            engine.Script("derived/affected_customer_ids"), transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        if (affected.FirstId is not { } first || affected.LastId is not { } last)
        {
            return;
        }

        foreach (var (from, to) in IdRanges.Split(first, last, affected.Customers, CustomersPerRange))
        {
            var parameters = new DynamicParameters(values);
            parameters.Add("first_customer_id", from);
            parameters.Add("last_customer_id", to);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, 0, cancellationToken: cancellationToken));
        }
    }

    private sealed record AffectedCustomers(long? FirstId, long? LastId, long Customers);
}
