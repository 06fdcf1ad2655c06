using System.Diagnostics;
using System.Text.Json.Nodes;
using CampaignDashboard.Api.Tests.Reference;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Cli;

namespace CampaignDashboard.Api.Tests;

/// <summary>The `campaign` command line: all-or-nothing imports, idempotence, generate, and the running-API lock.</summary>
public sealed class CommandLineTests
{
    private const string CustomersHeader = "customer_id,customer_name,mobile,registration_date";
    private const string TransactionsHeader = "transaction_id,customer_id,transaction_date,amount,quantity,profit";

    private string _directory = null!;
    private CommandLine _cli = null!;

    [SetUp]
    public async Task StartWithSomeData()
    {
        _directory = Directory.CreateTempSubdirectory("campaign-cli-tests-").FullName;
        _cli = new CommandLine(Path.Combine(_directory, "dashboard.duckdb"));
        var (exitCode, _, error) = await _cli.RunAsync("generate", "--customers", "200", "--transactions", "1500", "--seed", "5");
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_directory, recursive: true);

    // One bad file per kind of error: the message names file:line: column: reason, and nothing changes.
    [TestCase("customers", "", "customers.csv:1: header: missing", TestName = "Missing header")]
    [TestCase("customers", "customer_id,name,mobile,registration_date\n1,A,,\n", "customers.csv:1: header: missing customer_name; unknown 'name'", TestName = "Bad header")]
    [TestCase("customers", CustomersHeader + "\n1,A,,2024-02-30\n", "customers.csv:2: registration_date: '2024-02-30' is not a real date", TestName = "Bad date")]
    [TestCase("customers", CustomersHeader + "\n,A,,\n", "customers.csv:2: customer_id: missing", TestName = "Missing id")]
    [TestCase("customers", CustomersHeader + "\n7,A,,\n8,B,,\n7,C,,\n", "customers.csv:4: customer_id: duplicate id 7 (first on line 2)", TestName = "Duplicate id")]
    [TestCase("customers", CustomersHeader + "\n1,\"Unclosed,,\n2,B,,\n", "customers.csv:2: row: unterminated quoted field", TestName = "Unterminated quote")]
    [TestCase("transactions", TransactionsHeader + "\n900001,1,2024-01-01,12.5O,1,\n", "transactions.csv:2: amount: '12.5O' is not a number", TestName = "Non-numeric amount")]
    [TestCase("transactions", TransactionsHeader + "\n900001,424242,2024-01-01,12.50,1,\n", "transactions.csv:2: customer_id: customer 424242 is neither in the database nor in the customers file", TestName = "Unknown customer")]
    [TestCase("transactions", TransactionsHeader + "\n900001,1,2024-01-01,12.50\n", "transactions.csv:2: row: expected 6 fields, found 4", TestName = "Missing fields")]
    public async Task A_bad_file_changes_nothing_and_says_where(string relation, string content, string message)
    {
        var before = await _cli.FingerprintAsync();
        var file = Path.Combine(_directory, $"{relation}.csv");
        await File.WriteAllTextAsync(file, content);

        var (exitCode, _, error) = await _cli.RunAsync("import", $"--{relation}", file);

        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Rejected));
            Assert.That(error, Does.Contain(message));
            Assert.That(error, Does.Contain("Nothing was changed."));
            Assert.That(await _cli.FingerprintAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Good_rows_next_to_a_bad_one_are_not_written_either()
    {
        var before = await _cli.FingerprintAsync();
        var file = Path.Combine(_directory, "transactions.csv");
        await File.WriteAllTextAsync(file, TransactionsHeader + "\n900001,1,2024-01-01,10.00,1,\n900002,1,2024-01-02,abc,1,\n900003,2,2024-01-03,30.00,1,\n");

        var (exitCode, _, _) = await _cli.RunAsync("import", "--transactions", file);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Rejected));
        Assert.That(await _cli.FingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Unknown_customers_can_be_allowed_explicitly()
    {
        var file = Path.Combine(_directory, "transactions.csv");
        await File.WriteAllTextAsync(file, TransactionsHeader + "\n900001,424242,2030-06-01,12.50,1,\n");

        var (exitCode, output, error) = await _cli.RunAsync("import", "--transactions", file, "--allow-unknown-customers");
        var kpi = await DashboardKpiAsync(_cli.DatabasePath, "?start_date=2030-06-01&end_date=2030-06-01");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Does.Contain("inserted 1"));
        Assert.That(kpi["total_customer"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(kpi["customer_spending"]!.GetValue<decimal>(), Is.EqualTo(12.50m));
    }

    [Test]
    public async Task At_most_twenty_errors_are_listed()
    {
        var file = Path.Combine(_directory, "transactions.csv");
        var lines = Enumerable.Range(1, 50).Select(i => $"{900000 + i},1,not-a-date,1.00,1,");
        await File.WriteAllTextAsync(file, TransactionsHeader + "\n" + string.Join("\n", lines) + "\n");

        var (_, _, error) = await _cli.RunAsync("import", "--transactions", file);

        Assert.That(error.Split('\n').Count(l => l.Contains(": transaction_date: ", StringComparison.Ordinal)), Is.EqualTo(20));
        Assert.That(error, Does.Contain("Stopped after 20 errors"));
    }

    [Test]
    public async Task Importing_the_same_files_twice_changes_nothing_the_second_time()
    {
        var (customers, transactions) = await WriteFilesAsync(
            CustomersHeader + "\n9001,\"Doe, Jane\",+44 7700 900123,2023-05-01\n9002,Ann O'Neil,,\n",
            TransactionsHeader + "\n800001,9001,2024-01-01,100.00,2,10.00\n800002,9002,2024-01-05T10:30,-5.50,-1,\n");

        var first = await _cli.RunAsync("import", "--customers", customers, "--transactions", transactions);
        var afterFirst = await _cli.FingerprintAsync();
        var second = await _cli.RunAsync("import", "--customers", customers, "--transactions", transactions);

        Assert.Multiple(async () =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
            Assert.That(first.Output, Does.Contain("Read 4 rows: inserted 4, replaced 0"));
            Assert.That(second.Output, Does.Contain("Read 4 rows: inserted 0, replaced 4"));
            Assert.That(await _cli.FingerprintAsync(), Is.EqualTo(afterFirst));
        });
    }

    [Test]
    public async Task A_replaced_row_shows_its_new_values_in_the_dashboard()
    {
        var (customers, transactions) = await WriteFilesAsync(
            CustomersHeader + "\n9001,Replaceable Customer,,\n",
            TransactionsHeader + "\n800001,9001,2024-01-01,100.00,2,10.00\n");
        await _cli.RunAsync("import", "--customers", customers, "--transactions", transactions);
        await File.WriteAllTextAsync(transactions, TransactionsHeader + "\n800001,9001,2024-01-01,250.00,2,10.00\n");

        var (exitCode, output, _) = await _cli.RunAsync("import", "--transactions", transactions);
        var kpi = await DashboardKpiAsync(_cli.DatabasePath, "?customer_name=replaceable");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain("replaced 1"));
            Assert.That(kpi["customer_spending"]!.GetValue<decimal>(), Is.EqualTo(250m));
        });
    }

    [Test]
    public async Task Generate_to_files_then_import_gives_the_same_dashboard_as_generate_into_the_database()
    {
        var viaFiles = new CommandLine(Path.Combine(_directory, "via-files.duckdb"));
        var direct = new CommandLine(Path.Combine(_directory, "direct.duckdb"));
        var outDirectory = Path.Combine(_directory, "generated");

        var written = await viaFiles.RunAsync("generate", "--customers", "300", "--transactions", "2500", "--seed", "11", "--out", outDirectory);
        var imported = await viaFiles.RunAsync("import", "--customers", Path.Combine(outDirectory, "customers.csv"),
            "--transactions", Path.Combine(outDirectory, "transactions.csv"));
        var generated = await direct.RunAsync("generate", "--customers", "300", "--transactions", "2500", "--seed", "11");

        Assert.That(new[] { written.ExitCode, imported.ExitCode, generated.ExitCode }, Is.All.EqualTo(ExitCodes.Success));
        Assert.That(await viaFiles.FingerprintAsync(), Is.EqualTo(await direct.FingerprintAsync()));
        Assert.That(JsonComparer.Differences(await DashboardAsync(direct.DatabasePath, ""), await DashboardAsync(viaFiles.DatabasePath, "")), Is.Empty);
    }

    [Test]
    public async Task The_online_retail_sample_imports_with_the_independent_counts()
    {
        var cli = new CommandLine(Path.Combine(_directory, "retail.duckdb"));
        var expected = RealDataTests.CountIndependently();

        var (exitCode, output, error) = await cli.RunAsync("import", "--online-retail", RepositoryPaths.SharedData("online-retail-sample.csv"));
        var kpi = await DashboardKpiAsync(cli.DatabasePath, "");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain($"{expected.LinesWithoutCustomer:N0} lines without a CustomerID dropped"));
            Assert.That(kpi["total_customer"]!.GetValue<long>(), Is.EqualTo(expected.Customers));
            Assert.That(kpi["customer_spending"]!.GetValue<decimal>(), Is.EqualTo(Math.Round(expected.Spending, 2)));
        });
    }

    [Test]
    public async Task Every_import_moves_the_data_version_on()
    {
        using var factory = new DashboardApiFactory(databasePath: _cli.DatabasePath);
        _ = factory.Server;
        var store = factory.Services.GetService(typeof(CampaignDashboard.Application.Data.ICampaignDataStore)) as CampaignDashboard.Application.Data.ICampaignDataStore;
        var before = await store!.GetDataVersionAsync(CancellationToken.None);
        var (customers, _) = await WriteFilesAsync(CustomersHeader + "\n9001,Someone,,\n", TransactionsHeader + "\n");

        await _cli.RunAsync("import", "--customers", customers);

        Assert.That(await store.GetDataVersionAsync(CancellationToken.None), Is.GreaterThan(before));
    }

    [Test]
    public async Task A_database_held_by_a_running_API_is_reported_and_left_alone()
    {
        var before = await _cli.FingerprintAsync();
        var (customers, _) = await WriteFilesAsync(CustomersHeader + "\n9001,Someone,,\n", TransactionsHeader + "\n");
        using var api = new DashboardApiFactory(databasePath: _cli.DatabasePath);
        _ = api.Server; // the API now holds the file

        // Another process, as in real use: DuckDB locks a file per process.
        var start = new ProcessStartInfo("dotnet", [CommandLine.BuiltProgram, "import", "--customers", customers])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Campaign"] = $"Data Source={_cli.DatabasePath}" },
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        api.Dispose();

        Assert.Multiple(async () =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.DatabaseUnavailable));
            Assert.That(error, Does.Contain($"held by another process (PID {Environment.ProcessId}), most likely a running API"));
            Assert.That(await _cli.FingerprintAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_database_file_named_campaign_duckdb_is_imported_into_and_served()
    {
        // DuckDB names a file's catalog after it: here "campaign", like the schema of the campaign tables.
        var cli = new CommandLine(Path.Combine(_directory, "campaign.duckdb"));
        var (customers, transactions) = await WriteFilesAsync(
            CustomersHeader + "\n9001,Jane Doe,,2023-05-01\n",
            TransactionsHeader + "\n800001,9001,2024-03-01,100.00,2,10.00\n");

        var (exitCode, output, error) = await cli.RunAsync("import", "--customers", customers, "--transactions", transactions);
        var kpi = await DashboardKpiAsync(cli.DatabasePath, "?start_date=2024-01-01&end_date=2024-12-31");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("inserted 2"));
            Assert.That(kpi["total_customer"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(kpi["customer_spending"]!.GetValue<decimal>(), Is.EqualTo(100m));
        });
    }

    [Test]
    public async Task A_corrupt_database_file_is_reported_as_corrupt_not_as_held_by_another_process()
    {
        DamagedDatabaseFiles.CorruptEveryBlock(_cli.DatabasePath);
        var (customers, _) = await WriteFilesAsync(CustomersHeader + "\n9001,Someone,,\n", TransactionsHeader + "\n");

        var (exitCode, _, error) = await _cli.RunAsync("import", "--customers", customers);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.DatabaseUnavailable), error);
            Assert.That(error, Does.Contain($"The database file {_cli.DatabasePath} is corrupt"));
            Assert.That(error, Does.Contain("restore it from a backup, or import the data again into a new file"));
            Assert.That(error, Does.Not.Contain("held by another process"));
        });
    }

    [TestCase("command line")]
    [TestCase("API")]
    public async Task The_leftovers_of_a_killed_import_are_cleaned_at_the_next_open(string opener)
    {
        // What an import killed mid-way leaves: its staging schema in the file, and DuckDB's empty spill folder beside it.
        await using (var killed = new DuckDB.NET.Data.DuckDBConnection($"Data Source={_cli.DatabasePath}"))
        {
            await killed.OpenAsync();
            await using var command = killed.CreateCommand();
            command.CommandText = "CREATE SCHEMA campaign_import; CREATE TABLE campaign_import.transactions AS SELECT range AS line FROM range(100000);";
            await command.ExecuteNonQueryAsync();
        }

        var spillFolder = Directory.CreateDirectory(_cli.DatabasePath + ".tmp").FullName;
        var before = await _cli.FingerprintAsync();

        if (opener == "API")
        {
            using var api = new DashboardApiFactory(databasePath: _cli.DatabasePath);
            _ = api.Server;
        }
        else
        {
            // An import that opens the database and is rejected: it changes nothing of its own.
            var (customers, _) = await WriteFilesAsync(CustomersHeader + "\n9001,Someone,,2024-02-30\n", TransactionsHeader + "\n");
            var (exitCode, _, error) = await _cli.RunAsync("import", "--customers", customers);
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Rejected), error);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await _cli.SchemasAsync(), Does.Not.Contain("campaign_import"));
            Assert.That(Directory.Exists(spillFolder), Is.False, "the empty spill folder is removed");
            Assert.That(await _cli.FingerprintAsync(), Is.EqualTo(before), "the campaign data are untouched");
        });
    }

    [TestCase("import")]
    [TestCase("import", "--customers", "a.csv", "--online-retail", "b.csv")]
    [TestCase("generate")]
    [TestCase("generate", "--customers", "0")]
    [TestCase("nonsense")]
    public async Task A_wrong_command_line_is_a_usage_error(params string[] args)
    {
        var (exitCode, _, error) = await _cli.RunAsync(args);
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("--help"));
    }

    [Test]
    public async Task A_missing_file_is_rejected_naming_the_file_without_a_line()
    {
        var absent = Path.Combine(_directory, "absent.csv");
        var (exitCode, _, error) = await _cli.RunAsync("import", "--customers", absent);
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Rejected));
        Assert.That(error.Split('\n')[0].TrimEnd(), Is.EqualTo($"{absent}: does not exist"));
    }

    [Test]
    public async Task A_customer_row_with_a_bad_date_is_reported_once_not_again_for_its_transactions()
    {
        var (customers, transactions) = await WriteFilesAsync(
            CustomersHeader + "\n777001,Bad Date,,2024-02-30\n",
            TransactionsHeader + "\n900001,777001,2024-03-01,10.00,1,\n900002,777001,2024-03-02,20.00,1,\n900003,888888,2024-03-03,30.00,1,\n");

        var (exitCode, _, error) = await _cli.RunAsync("import", "--customers", customers, "--transactions", transactions);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Rejected));
            Assert.That(lines.Count(l => l.Contains("777001", StringComparison.Ordinal) || l.Contains("customers.csv:2:", StringComparison.Ordinal)), Is.EqualTo(1), error);
            Assert.That(error, Does.Contain("customers.csv:2: registration_date: '2024-02-30' is not a real date"));
            // A customer in neither place is still reported.
            Assert.That(error, Does.Contain("transactions.csv:4: customer_id: customer 888888 is neither in the database nor in the customers file"));
        });
    }

    [Test]
    public async Task Import_and_generate_say_which_database_they_work_on()
    {
        var file = Path.Combine(_directory, "transactions.csv");
        await File.WriteAllTextAsync(file, TransactionsHeader + "\n900001,1,2024-01-01,12.50,1,\n");

        var import = await _cli.RunAsync("import", "--transactions", file);
        var generate = await _cli.RunAsync("generate", "--customers", "10");

        Assert.Multiple(() =>
        {
            Assert.That(import.Output, Does.StartWith($"Database: {_cli.DatabasePath}"), import.Error);
            Assert.That(generate.Output, Does.StartWith($"Database: {_cli.DatabasePath}"), generate.Error);
        });
    }

    private async Task<(string Customers, string Transactions)> WriteFilesAsync(string customers, string transactions)
    {
        var customersFile = Path.Combine(_directory, "customers.csv");
        var transactionsFile = Path.Combine(_directory, "transactions.csv");
        await File.WriteAllTextAsync(customersFile, customers);
        await File.WriteAllTextAsync(transactionsFile, transactions);
        return (customersFile, transactionsFile);
    }

    private static async Task<JsonNode> DashboardAsync(string databasePath, string query)
    {
        using var factory = new DashboardApiFactory(databasePath: databasePath);
        using var client = factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/api/campaign/dashboard" + query))!;
    }

    private static async Task<JsonNode> DashboardKpiAsync(string databasePath, string query) => (await DashboardAsync(databasePath, query))["kpi"]!;
}
