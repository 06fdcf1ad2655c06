using System.Data.Common;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Import;
using DuckDB.NET.Data;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>Imports into the embedded database; staging goes through the DuckDB appender.</summary>
public sealed class DuckDbCampaignImporter(DuckDbEngine engine, DataVersionMonitor dataVersion) : CampaignImporter(engine, dataVersion)
{
    /// <summary>The customers' visits (campaign.customer_days) of every customer the batch touched.</summary>
    protected override Task WriteDerivedDataAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        CustomerDaysRefresh.RunAsync(connection, transaction, engine.ScriptFolder, cancellationToken);

    protected override Task<long> StageCustomersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, CustomerRecord Record)> rows, CancellationToken cancellationToken)
    {
        long staged = 0;
        using (var appender = ((DuckDBConnection)connection).CreateAppender("campaign_import", "customers"))
        {
            foreach (var (line, c) in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                appender.CreateRow()
                    .AppendValue(line)
                    .AppendValue(c.CustomerId)
                    .AppendValue(c.CustomerName)
                    .AppendValue(c.Mobile)
                    .AppendValue(c.RegistrationDate)
                    .EndRow();
                staged++;
            }
        }

        return Task.FromResult(staged);
    }

    protected override Task<long> StageTransactionsAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long Line, TransactionRecord Record)> rows, CancellationToken cancellationToken)
    {
        long staged = 0;
        using (var appender = ((DuckDBConnection)connection).CreateAppender("campaign_import", "transactions"))
        {
            foreach (var (line, t) in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                appender.CreateRow()
                    .AppendValue(line)
                    .AppendValue(t.TransactionId)
                    .AppendValue(t.CustomerId)
                    .AppendValue(t.TransactionDate)
                    .AppendValue(t.Amount)
                    .AppendValue(t.Quantity)
                    .AppendValue(t.Profit)
                    .EndRow();
                staged++;
            }
        }

        return Task.FromResult(staged);
    }
}
