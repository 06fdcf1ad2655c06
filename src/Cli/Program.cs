using CampaignDashboard.Cli;

// The `campaign` command line: dotnet run --project src/Cli -- <verb> [options]
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C cancels the running import; its transaction rolls back, so nothing is half-written.
    e.Cancel = true;
    cancellation.Cancel();
};

return await Commands.RunAsync(args, Console.Out, Console.Error, cancellationToken: cancellation.Token);
