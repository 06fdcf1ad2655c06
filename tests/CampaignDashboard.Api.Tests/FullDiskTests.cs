using System.Diagnostics;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Cli;

namespace CampaignDashboard.Api.Tests;

/// <summary>
/// An import into a database whose disk fills up, on a real size-limited file system (a tmpfs mounted for the test,
/// where the test environment allows mounting; otherwise reported as skipped): the message says "no space left on
/// device" with the path, and nothing is left behind: no WAL, no staging tables, no spill folder, the data as before.
/// </summary>
[NonParallelizable]
public sealed class FullDiskTests
{
    private string _mountPoint = null!;

    [SetUp]
    public async Task MountASmallDisk()
    {
        _mountPoint = Directory.CreateTempSubdirectory("campaign-full-disk-").FullName;
        var (exitCode, error) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", _mountPoint);
        if (exitCode != 0)
        {
            Directory.Delete(_mountPoint);
            Assert.Ignore($"A size-limited file system cannot be mounted here (mount: {error.Trim()}); the full-disk test needs one.");
        }
    }

    [TearDown]
    public async Task UnmountIt()
    {
        if (Directory.Exists(_mountPoint))
        {
            await RunAsync("umount", _mountPoint);
            Directory.Delete(_mountPoint, recursive: true);
        }
    }

    // 64MB: spilling to <file>.tmp fails first (DuckDB caps that folder at the free space and says "out of memory");
    // 1GB: writing the file fails at commit, which DuckDB treats as fatal.
    [TestCase("64MB")]
    [TestCase("1GB")]
    public async Task A_full_disk_is_said_with_the_path_and_leaves_nothing_behind(string memoryLimit)
    {
        var path = Path.Combine(_mountPoint, "dashboard.duckdb");
        var cli = new CommandLine(path, new Dictionary<string, string?> { ["Database:DuckDbMemoryLimit"] = memoryLimit, ["Database:DuckDbThreads"] = "1" });
        var small = await cli.RunAsync("generate", "--customers", "200", "--transactions", "1500");
        Assert.That(small.ExitCode, Is.EqualTo(ExitCodes.Success), small.Error);
        var before = await cli.FingerprintAsync();

        var (exitCode, _, error) = await cli.RunAsync("generate", "--customers", "200000", "--transactions", "2000000");

        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.DatabaseUnavailable), error);
            Assert.That(error, Does.Contain($"No space left on device: the disk holding the database file {path}"));
            Assert.That(error, Does.Not.Contain("memory").IgnoreCase.And.Not.Contain("invalidated"));
            Assert.That(Directory.GetFileSystemEntries(_mountPoint).Select(Path.GetFileName), Is.EquivalentTo(new[] { "dashboard.duckdb" }),
                "no WAL, no spill folder");
            Assert.That(await cli.SchemasAsync(), Does.Not.Contain("campaign_import"), "no staging tables");
            Assert.That(await cli.FingerprintAsync(), Is.EqualTo(before), "nothing changed");
        });
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
