using CampaignDashboard.Application.Data;

namespace CampaignDashboard.UnitTests.Application;

/// <summary>The gate that keeps a response to one version of the data while imports commit (ADR 8).</summary>
public sealed class DataCommitGateTests
{
    [Test]
    public async Task A_commit_waits_for_the_read_passes_held_and_new_reads_wait_for_the_commit()
    {
        using var gate = new DataCommitGate();
        var reading = await gate.ReadAsync(CancellationToken.None);

        var commit = gate.CommitAsync(CancellationToken.None).AsTask();
        var laterRead = gate.ReadAsync(CancellationToken.None).AsTask();
        Assert.Multiple(() =>
        {
            Assert.That(commit.IsCompleted, Is.False, "the commit waits for the computation in flight");
            Assert.That(laterRead.IsCompleted, Is.False, "a computation that starts meanwhile waits for the commit (which goes first)");
        });

        reading.Dispose();
        var committing = await commit.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(laterRead.IsCompleted, Is.False, "no computation reads while the commit holds its pass");

        committing.Dispose();
        using var read = await laterRead.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(read, Is.Not.Null);
    }

    [Test]
    public async Task Read_passes_do_not_wait_for_each_other_and_a_cancelled_commit_lets_reads_go_on()
    {
        using var gate = new DataCommitGate();
        using var first = await gate.ReadAsync(CancellationToken.None);
        using (await gate.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            using var giveUp = new CancellationTokenSource();
            var commit = gate.CommitAsync(giveUp.Token).AsTask();
            await giveUp.CancelAsync();
            Assert.CatchAsync<OperationCanceledException>(async () => await commit);
        }

        using var afterwards = await gate.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(afterwards, Is.Not.Null);
    }
}
