using System.CommandLine;
using System.Globalization;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using CampaignDashboard.Infrastructure.Import;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDashboard.Cli;

/// <summary>The verbs of the `campaign` command line.</summary>
public static class Commands
{
    public static RootCommand Root(TextWriter output, TextWriter error, Func<ServiceProvider> services)
    {
        var root = new RootCommand("Campaign Dashboard data tools: import retail data, generate synthetic data.");
        root.Subcommands.Add(Import(output, error, services));
        root.Subcommands.Add(Generate(output, error, services));
        root.Subcommands.Add(BenchCommand(output, error));
        return root;
    }

    /// <summary>
    /// Runs the command line; usage errors exit with <see cref="ExitCodes.Usage"/>. <paramref name="configuration"/>
    /// overrides settings (tests use it instead of environment variables).
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? configuration = null, CancellationToken cancellationToken = default)
    {
        var parsed = Root(output, error, () => CliServices.Build(configuration)).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static Command Import(TextWriter output, TextWriter error, Func<ServiceProvider> buildServices)
    {
        var customers = new Option<FileInfo>("--customers") { Description = "Customers CSV (customer_id,customer_name,mobile,registration_date)" };
        var transactions = new Option<FileInfo>("--transactions")
        {
            Description = "Transactions CSV (transaction_id,customer_id,transaction_date,amount,quantity,profit)",
        };
        var onlineRetail = new Option<FileInfo>("--online-retail")
        {
            Description = "A file in the UCI Online Retail layout: becomes customers and one transaction per invoice",
        };
        var allowUnknownCustomers = new Option<bool>("--allow-unknown-customers")
        {
            Description = "Accept transactions whose customer is in neither the database nor the customers file (they count, with no name or mobile)",
        };
        var command = new Command("import", "Import CSV files into the configured database, all or nothing; rows with an existing id replace it.")
        {
            customers, transactions, onlineRetail, allowUnknownCustomers,
        };
        command.Validators.Add(result =>
        {
            var csv = result.GetResult(customers) is not null || result.GetResult(transactions) is not null;
            var retail = result.GetResult(onlineRetail) is not null;
            if (csv == retail)
            {
                result.AddError("Give --customers and/or --transactions, or --online-retail alone.");
            }
        });
        command.SetAction((parse, cancellationToken) => Guarded(output, error, async () =>
        {
            var files = new[] { parse.GetValue(customers), parse.GetValue(transactions), parse.GetValue(onlineRetail) }.OfType<FileInfo>().ToArray();
            if (files.FirstOrDefault(f => !f.Exists) is { } missingFile)
            {
                throw new ImportRejectedException([new ImportError(missingFile.FullName, 0, "file", "does not exist")], false);
            }

            await using var services = buildServices();
            var store = services.GetRequiredService<ICampaignDataStore>();
            try
            {
                await OpenDatabaseAsync(output, services, cancellationToken);
            }
            catch (DataStoreUnavailableException) when (ServingApi.Find(store.Describe()) is { } api)
            {
                // A running API holds the file: it performs the import (ADR 8).
                await output.WriteLineAsync($"{store.Describe()} is served by the API at {api.BaseAddress} (PID {api.ProcessId}): the import is handed to it.");
                await output.WriteLineAsync(Describe(await HandOverAsync(api, store.Describe(), parse.GetValue(customers), parse.GetValue(transactions),
                    parse.GetValue(onlineRetail), parse.GetValue(allowUnknownCustomers), cancellationToken)));
                return;
            }

            var importer = services.GetRequiredService<ICampaignImporter>();
            ImportSummary summary;
            if (parse.GetValue(onlineRetail) is { } retailFile)
            {
                OnlineRetailData data;
                using (var reader = new StreamReader(retailFile.FullName))
                {
                    data = OnlineRetailReader.Read(reader, retailFile.Name);
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{retailFile.Name}: {data.Customers.Count:N0} customers, {data.Transactions.Count:N0} invoices; {data.DroppedLinesWithoutCustomer:N0} lines without a CustomerID dropped"));
                summary = await ConsoleProgress.RunAsync(output, "import", progress =>
                    importer.ImportAsync(ImportBatch.FromRecords(retailFile.Name, data.Customers, data.Transactions), progress, cancellationToken));
            }
            else
            {
                using var customerFile = Open(parse.GetValue(customers));
                using var transactionFile = Open(parse.GetValue(transactions));
                var total = (double)((customerFile?.Stream.Length ?? 0) + (transactionFile?.Stream.Length ?? 0));
                var batch = new ImportBatch(
                    customerFile is null ? [] : CampaignCsv.ReadCustomers(customerFile.Reader, customerFile.Name),
                    transactionFile is null ? [] : CampaignCsv.ReadTransactions(transactionFile.Reader, transactionFile.Name),
                    () => total == 0 ? null : ((customerFile?.Stream.Position ?? 0) + (transactionFile?.Stream.Position ?? 0)) / total,
                    parse.GetValue(allowUnknownCustomers));
                summary = await ConsoleProgress.RunAsync(output, "import", progress => importer.ImportAsync(batch, progress, cancellationToken));
            }

            await output.WriteLineAsync(Describe(summary));
        }));
        return command;
    }

    /// <summary>
    /// Sends the files to the serving API; an Online Retail file is converted here first, into import-format files
    /// (the API reads only those), written to a temporary folder that is removed afterwards.
    /// </summary>
    private static async Task<ImportSummary> HandOverAsync(
        ServingApi api, string databaseFile, FileInfo? customers, FileInfo? transactions, FileInfo? onlineRetail, bool allowUnknownCustomers,
        CancellationToken cancellationToken)
    {
        if (onlineRetail is null)
        {
            return await ApiImport.SendAsync(api, databaseFile, customers, transactions, allowUnknownCustomers, cancellationToken);
        }

        var converted = Directory.CreateTempSubdirectory("campaign-import-");
        try
        {
            OnlineRetailData data;
            using (var reader = new StreamReader(onlineRetail.FullName))
            {
                data = OnlineRetailReader.Read(reader, onlineRetail.Name);
            }

            var customersFile = new FileInfo(Path.Combine(converted.FullName, "customers.csv"));
            var transactionsFile = new FileInfo(Path.Combine(converted.FullName, "transactions.csv"));
            WriteAtomically(customersFile.FullName, writer => CampaignCsv.WriteCustomers(writer, data.Customers));
            WriteAtomically(transactionsFile.FullName, writer => CampaignCsv.WriteTransactions(writer, data.Transactions));
            return await ApiImport.SendAsync(api, databaseFile, customersFile, transactionsFile, allowUnknownCustomers, cancellationToken);
        }
        finally
        {
            converted.Delete(recursive: true);
        }
    }

    private static Command Generate(TextWriter output, TextWriter error, Func<ServiceProvider> buildServices)
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers", Required = true };
        var transactions = new Option<long?>("--transactions") { Description = "Number of transactions (default: 10 per customer)" };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same rows", DefaultValueFactory = _ => 1 };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "Write import-format CSV files here instead of into the database" };
        var command = new Command("generate", "Generate deterministic synthetic retail data into the configured database, or as CSV files.")
        {
            customers, transactions, seed, outDirectory,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(customers) < 1)
            {
                result.AddError("--customers must be at least 1.");
            }

            if (result.GetValue(transactions) is < 0)
            {
                result.AddError("--transactions must not be negative.");
            }
        });
        command.SetAction((parse, cancellationToken) => Guarded(output, error, async () =>
        {
            var customerCount = parse.GetValue(customers);
            var data = new SyntheticRetailData(customerCount, parse.GetValue(transactions) ?? 10L * customerCount, parse.GetValue(seed));
            if (parse.GetValue(outDirectory) is { } directory)
            {
                await WriteCsvAsync(output, data, directory, cancellationToken);
                return;
            }

            await using var services = buildServices();
            await OpenDatabaseAsync(output, services, cancellationToken);
            var importer = services.GetRequiredService<ICampaignImporter>();
            var total = (double)(data.CustomerCount + data.TransactionCount);
            var summary = await ConsoleProgress.RunAsync(output, "generate", progress => importer.ImportAsync(
                ImportBatch.FromRecords("generated", data.Customers(), data.Transactions()),
                new FractionFromRows(progress, total),
                cancellationToken));
            await output.WriteLineAsync(Describe(summary));
        }));
        return command;
    }

    private static Command BenchCommand(TextWriter output, TextWriter error)
    {
        var runs = new Option<int>("--runs") { Description = "Runs per case (median and spread are reported)", DefaultValueFactory = _ => 5 };
        var customers = new Option<long?>("--customers") { Description = "Customers of the large dataset (default: a tenth of the transactions)" };
        var transactions = new Option<long>("--transactions")
        {
            Description = $"Transactions of the large dataset; from {Bench.ScaleRunTransactions:N0} on, the scale cases run instead (e.g. 100000000 with --runs 1)",
            DefaultValueFactory = _ => 10_000_000,
        };
        var data = new Option<DirectoryInfo>("--data") { Description = "Where the datasets are kept", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("artifacts", "bench")) };
        var liveRefresh = new Option<bool>("--live-refresh-only")
        {
            Description = "Only the live-refresh case: a 100,000-row daily file imported into the large dataset while the API serves it",
        };
        var report = new Option<FileInfo>("--report")
        {
            Description = "Also write the table into this Markdown file, between <!-- bench:begin --> and <!-- bench:end -->",
        };
        var command = new Command("bench", "Measure the performance targets: generates the datasets if missing, starts the API on loopback, prints a table.")
        {
            runs, customers, transactions, data, liveRefresh, report,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(runs) < 1)
            {
                result.AddError("--runs must be at least 1.");
            }
        });
        command.SetAction((parse, cancellationToken) => Guarded(output, error, async () =>
        {
            var transactionCount = parse.GetValue(transactions);
            var bench = new Bench(
                output, parse.GetValue(runs), parse.GetValue(customers) ?? transactionCount / 10, transactionCount, parse.GetValue(data)!.FullName,
                parse.GetValue(liveRefresh));
            var table = await bench.RunAsync(cancellationToken);
            await output.WriteLineAsync(table);
            if (parse.GetValue(report) is { } file)
            {
                string begin = $"<!-- {bench.ReportMarker}:begin -->", end = $"<!-- {bench.ReportMarker}:end -->";
                var existing = file.Exists ? await File.ReadAllTextAsync(file.FullName, cancellationToken) : string.Empty;
                var section = $"{begin}\n{table}{end}";
                var updated = existing.Contains(begin, StringComparison.Ordinal) && existing.Contains(end, StringComparison.Ordinal)
                    ? existing[..existing.IndexOf(begin, StringComparison.Ordinal)] + section + existing[(existing.IndexOf(end, StringComparison.Ordinal) + end.Length)..]
                    : existing + "\n" + section + "\n";
                await File.WriteAllTextAsync(file.FullName, updated, cancellationToken);
                await output.WriteLineAsync($"Wrote the table into {file.FullName}.");
            }
        }));
        return command;
    }

    /// <summary>Says which database the command works on, then brings its schema up to date.</summary>
    private static async Task OpenDatabaseAsync(TextWriter output, ServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ICampaignDataStore>();
        await output.WriteLineAsync($"Database: {store.Describe()}");
        await store.EnsureSchemaAsync(cancellationToken);
    }

    private static async Task WriteCsvAsync(TextWriter output, SyntheticRetailData data, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        directory.Create();
        var customersPath = Path.Combine(directory.FullName, "customers.csv");
        var transactionsPath = Path.Combine(directory.FullName, "transactions.csv");
        await ConsoleProgress.RunAsync(output, "generate", progress =>
        {
            var total = (double)(data.CustomerCount + data.TransactionCount);
            long rows = 0;
            IEnumerable<T> Counted<T>(IEnumerable<T> source)
            {
                foreach (var item in source)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (++rows % 100_000 == 0)
                    {
                        progress.Report(new ImportProgress(rows, rows / total));
                    }

                    yield return item;
                }
            }

            // Written to temporary names first: a failed run never leaves a half-written file under the final name.
            WriteAtomically(customersPath, writer => CampaignCsv.WriteCustomers(writer, Counted(data.Customers())));
            WriteAtomically(transactionsPath, writer => CampaignCsv.WriteTransactions(writer, Counted(data.Transactions())));
            return Task.FromResult(rows);
        });
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {data.CustomerCount:N0} customers to {customersPath} and {data.TransactionCount:N0} transactions to {transactionsPath}"));
    }

    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Describe(ImportSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"Read {s.RowsRead:N0} rows: inserted {s.Inserted:N0}, replaced {s.Replaced:N0}, in {s.Elapsed.TotalSeconds:0.0} s ({s.RowsRead / Math.Max(s.Elapsed.TotalSeconds, 0.001):N0} rows/s).");

    /// <summary>Runs a verb; a rejected input or an unavailable database is explained and mapped to its exit code.</summary>
    private static async Task<int> Guarded(TextWriter output, TextWriter error, Func<Task> verb)
    {
        try
        {
            await verb();
            return ExitCodes.Success;
        }
        catch (ImportRejectedException rejected)
        {
            foreach (var importError in rejected.Errors)
            {
                await error.WriteLineAsync(importError.ToString());
            }

            await error.WriteLineAsync(rejected.MoreErrors
                ? $"Stopped after {ImportRejectedException.MaxErrors} errors. Nothing was changed."
                : "Nothing was changed.");
            return ExitCodes.Rejected;
        }
        catch (Exception unavailable) when (unavailable is DataStoreUnavailableException or DataStoreDamagedException)
        {
            await error.WriteLineAsync(unavailable.Message);
            return ExitCodes.DatabaseUnavailable;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled. Nothing was changed.");
            return ExitCodes.Failed;
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"Failed: {unexpected.Message.Split('\n')[0]} Nothing was changed.");
            if (unexpected.Message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase))
            {
                // The importer sizes DuckDB's memory to the batch (DuckDbCampaignImporter); work it did not foresee needs more.
                await error.WriteLineAsync("DuckDB needs more memory for this batch: set Database__DuckDbMemoryLimit higher (e.g. 2GB) and run again.");
            }
            return ExitCodes.Failed;
        }
        finally
        {
            await output.FlushAsync();
        }
    }

    private static InputFile? Open(FileInfo? file) => file is null ? null : new InputFile(file);

    /// <summary>An input file read as UTF-8 text, with its stream kept for progress.</summary>
    private sealed class InputFile(FileInfo file) : IDisposable
    {
        public FileStream Stream { get; } = new(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

        public string Name { get; } = file.Name;

        public StreamReader Reader => _reader ??= new StreamReader(Stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        private StreamReader? _reader;

        public void Dispose()
        {
            _reader?.Dispose();
            Stream.Dispose();
        }
    }

    /// <summary>Turns rows read into a share of a known total.</summary>
    private sealed class FractionFromRows(IProgress<ImportProgress> inner, double total) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => inner.Report(value with { Fraction = total == 0 ? null : value.RowsRead / total });
    }
}
