using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using DuckDB.NET.Native;

namespace CampaignDashboard.Infrastructure.Tests;

/// <summary>
/// DuckDB's own words for faults of the file, as it printed them here (DuckDB 1.5.6). The damaged-file tests in the API
/// suite produce the checksum failure for real; the others are messages seen from real files that a test cannot make
/// on demand.
/// </summary>
public sealed class DuckDbFaultsTests
{
    [TestCase("IO Error: Corrupt database file: computed checksum 123 does not match stored checksum 456 in block at location 2097152",
        DuckDBErrorType.Io, DuckDbFileFaultKind.Corrupt)]
    // A WAL replayed onto a copy of the file it was not written for (the benchmark's second run, 2026-12-01).
    [TestCase("INTERNAL Error: Bitpacking offset is out of range at block \"2\" - corrupt database file",
        DuckDBErrorType.Internal, DuckDbFileFaultKind.Corrupt)]
    [TestCase("IO Error: Could not set lock on file \"/data/campaign.duckdb\": Conflicting lock is held in /usr/bin/dotnet (PID 4933)",
        DuckDBErrorType.Io, DuckDbFileFaultKind.HeldByAnotherProcess)]
    public void Tells_the_fault_of_the_file_from_DuckDBs_message(string message, DuckDBErrorType type, DuckDbFileFaultKind expected) =>
        Assert.That(DuckDbFaults.FileFaultOf(message, type)?.Kind, Is.EqualTo(expected));

    [Test]
    public void A_statement_error_is_no_fault_of_the_file() =>
        Assert.That(DuckDbFaults.FileFaultOf("Binder Error: Referenced column \"x\" not found", DuckDBErrorType.Binder), Is.Null);
}
