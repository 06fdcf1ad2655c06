using CampaignDashboard.Infrastructure.Persistence.DuckDb;

namespace CampaignDashboard.Infrastructure.Tests;

/// <summary>DuckDB's memory sizes: KB ... TB are powers of 1000, KiB ... TiB of 1024 (DuckDB's documentation of memory_limit).</summary>
public sealed class DuckDbMemorySizeTests
{
    [TestCase("64MB", 64_000_000L)]
    [TestCase("64MiB", 67_108_864L)]
    [TestCase(" 1.5GB ", 1_500_000_000L)]
    [TestCase("2GiB", 2_147_483_648L)]
    [TestCase("512KB", 512_000L)]
    [TestCase("1TB", 1_000_000_000_000L)]
    public void Reads_a_size_in_bytes(string size, long bytes) => Assert.That(DuckDbEngine.BytesOf(size), Is.EqualTo(bytes));
}
