namespace CampaignDashboard.Application.Dashboard.Ports;

/// <summary>The data version the dashboard is computed from: it changes whenever an import writes data.</summary>
public interface IDataVersionSource
{
    ValueTask<long> CurrentAsync(CancellationToken cancellationToken);
}
