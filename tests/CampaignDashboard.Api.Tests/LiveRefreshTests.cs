using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Cli;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// Fresh data while serving (ADR 8): `campaign import` against a DuckDB file a running API holds hands the import to
/// that API, which commits it all or nothing while it answers: every response under load during the import is the
/// dashboard of the data before it or after it, never a mixture, and the first request after it sees the new data.
/// Both programs as built, each in its own process, as a retailer runs them.
/// </summary>
[NonParallelizable]
public sealed class LiveRefreshTests
{
    private const string Dashboard = "/api/campaign/dashboard";
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("campaign-live-refresh-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task An_import_into_a_served_database_is_answered_all_old_or_all_new_under_load_and_seen_at_once()
    {
        var database = Path.Combine(_directory, "dashboard.duckdb");
        var generated = await new CommandLine(database).RunAsync("generate", "--customers", "3000", "--transactions", "30000", "--seed", "3");
        Assert.That(generated.ExitCode, Is.EqualTo(ExitCodes.Success), generated.Error);
        // A daily file: a new customer with a new transaction, and a changed one (transaction 1 moves to them).
        var customers = Path.Combine(_directory, "customers.csv");
        var transactions = Path.Combine(_directory, "transactions.csv");
        await File.WriteAllTextAsync(customers, "customer_id,customer_name,mobile,registration_date\n900001,Live Refresh,,2025-06-01\n");
        await File.WriteAllTextAsync(transactions,
            "transaction_id,customer_id,transaction_date,amount,quantity,profit\n99000001,900001,2025-06-15,5000.00,3,500.00\n1,900001,2025-06-16,10.00,1,\n");

        // Every request computed afresh (no response cache): the load reads the database throughout.
        await using var api = await ApiProcess.StartAsync(database, new Dictionary<string, string?> { ["Dashboard__CacheSeconds"] = "0" }, TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = api.Address };
        var before = JsonNode.Parse(await client.GetStringAsync(Dashboard))!;

        using var importDone = new CancellationTokenSource();
        var answers = new ConcurrentQueue<(int Client, HttpStatusCode Status, string Body)>();
        var load = Enumerable.Range(0, 4).Select(id => Task.Run(async () =>
        {
            while (!importDone.IsCancellationRequested)
            {
                using var response = await client.GetAsync(Dashboard);
                answers.Enqueue((id, response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        })).ToArray();

        var import = await RunCommandLineAsync(database, "import", "--customers", customers, "--transactions", transactions);
        var first = JsonNode.Parse(await client.GetStringAsync(Dashboard))!;
        await importDone.CancelAsync();
        await Task.WhenAll(load);
        var newCustomer = JsonNode.Parse(await client.GetStringAsync(Dashboard + "?customer_name=live%20refresh"))!;

        Assert.Multiple(() =>
        {
            Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Success), import.Output + import.Error);
            Assert.That(import.Output, Does.Contain("the import is handed to it").And.Contain("inserted 2, replaced 1"));
            Assert.That(JsonNode.DeepEquals(first, before), Is.False, "the first request after the import sees the new data");
            Assert.That(newCustomer["kpi"]!["total_customer"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(answers, Is.Not.Empty, "requests were answered during the import");
            foreach (var (client, status, body) in answers)
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
                var answer = JsonNode.Parse(body);
                Assert.That(JsonNode.DeepEquals(answer, before) || JsonNode.DeepEquals(answer, first), Is.True, $"client {client}: all old or all new, never a mixture");
            }

            foreach (var perClient in answers.GroupBy(a => a.Client))
            {
                var sawNew = perClient.Select(a => JsonNode.DeepEquals(JsonNode.Parse(a.Body), first)).ToList();
                Assert.That(sawNew.SkipWhile(isNew => !isNew).All(isNew => isNew), Is.True, "once new, never old again");
            }
        });
    }

    [Test]
    public async Task A_rejected_import_handed_to_the_API_lists_its_rows_and_changes_nothing()
    {
        var database = Path.Combine(_directory, "dashboard.duckdb");
        var cli = new CommandLine(database);
        Assert.That((await cli.RunAsync("generate", "--customers", "200", "--transactions", "1500")).ExitCode, Is.EqualTo(ExitCodes.Success));
        var transactions = Path.Combine(_directory, "transactions.csv");
        await File.WriteAllTextAsync(transactions, "transaction_id,customer_id,transaction_date,amount,quantity,profit\n99000001,1,2025-06-15,12.5O,3,\n");
        string before, after;
        await using (var api = await ApiProcess.StartAsync(database, new Dictionary<string, string?>(), TimeSpan.FromSeconds(90)))
        {
            using var client = new HttpClient { BaseAddress = api.Address };
            before = await client.GetStringAsync(Dashboard);
            var (exitCode, output, error) = await RunCommandLineAsync(database, "import", "--transactions", transactions);
            after = await client.GetStringAsync(Dashboard);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.Rejected), output + error);
                Assert.That(output, Does.Contain("the import is handed to it"));
                Assert.That(error, Does.Contain("transactions.csv:2: amount: '12.5O' is not a number").And.Contain("Nothing was changed."));
            });
        }

        Assert.That(after, Is.EqualTo(before), "nothing changed");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCommandLineAsync(string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [CommandLine.BuiltProgram, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Campaign"] = $"Data Source={database}" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
