namespace CampaignDashboard.Application.Data;

/// <summary>
/// Keeps every response to one version of the data while imports commit beside the serving API: a computation holds
/// a read pass from the moment it reads the data version until it has its answer, and an import commits only while it
/// holds the write pass, which waits for the passes held and holds new ones back (a waiting commit goes first, so a
/// steady load cannot starve it). Imports stage and write before that, beside the readers: the engine's MVCC keeps
/// what readers see unchanged until the commit, so only the commit itself (milliseconds) holds requests back.
/// </summary>
public sealed class DataCommitGate : IDisposable
{
    private readonly object _lock = new();
    private readonly SemaphoreSlim _commits = new(1, 1);
    private int _readers;
    private TaskCompletionSource? _readersGone;
    private TaskCompletionSource? _commitDone;

    /// <summary>A read pass: no commit happens until it is disposed.</summary>
    public async ValueTask<IDisposable> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task commit;
            lock (_lock)
            {
                if (_commitDone is null)
                {
                    _readers++;
                    return new Pass(LeaveRead);
                }

                commit = _commitDone.Task;
            }

            await commit.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The write pass: held, no computation reads; disposed, the next ones read the committed data.</summary>
    public async ValueTask<IDisposable> CommitAsync(CancellationToken cancellationToken)
    {
        await _commits.WaitAsync(cancellationToken);
        Task readersGone;
        lock (_lock)
        {
            _commitDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _readersGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_readers == 0)
            {
                _readersGone.SetResult();
            }

            readersGone = _readersGone.Task;
        }

        try
        {
            await readersGone.WaitAsync(cancellationToken);
            return new Pass(LeaveCommit);
        }
        catch
        {
            LeaveCommit();
            throw;
        }
    }

    public void Dispose() => _commits.Dispose();

    private void LeaveRead()
    {
        lock (_lock)
        {
            if (--_readers == 0)
            {
                _readersGone?.TrySetResult();
            }
        }
    }

    private void LeaveCommit()
    {
        TaskCompletionSource? done;
        lock (_lock)
        {
            done = _commitDone;
            _commitDone = null;
            _readersGone = null;
        }

        done?.TrySetResult();
        _commits.Release();
    }

    private sealed class Pass(Action leave) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                leave();
            }
        }
    }
}
