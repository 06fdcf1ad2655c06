namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>The result of a temporary change that changed nothing: disposing it sets nothing back.</summary>
public sealed class NothingToUndo : IAsyncDisposable
{
    public static readonly NothingToUndo Instance = new();

    private NothingToUndo()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
