using DuckDB.NET.Data;

namespace CampaignDashboard.Api.Tests.Support;

/// <summary>DuckDB files damaged the ways a disk, a copy or a person damages them, for the fault tests.</summary>
public static class DamagedDatabaseFiles
{
    /// <summary>DuckDB's file header and its two database headers; blocks (256 KiB each) follow.</summary>
    private const long HeaderBytes = 3 * 4096;

    private const long BlockBytes = 256 * 1024;

    /// <summary>A valid DuckDB file of several blocks holding one unrelated table.</summary>
    public static async Task CreateAsync(string path)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE filler AS SELECT range AS id, md5(range::VARCHAR) AS text FROM range(100000); CHECKPOINT;";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Overwrites every block with random bytes (the file keeps its length and headers): DuckDB's checksums fail on open.</summary>
    public static void CorruptEveryBlock(string path) => Overwrite(path, HeaderBytes, new FileInfo(path).Length - HeaderBytes);

    /// <summary>
    /// Overwrites the middle of every block that holds <paramref name="table"/>'s data (from DuckDB's storage info), closed
    /// files only: the catalog still opens, reading the table fails its checksum.
    /// </summary>
    public static async Task CorruptTableAsync(string path, string table)
    {
        List<long> blocks = [];
        await using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CHECKPOINT";
            await command.ExecuteNonQueryAsync();
            command.CommandText = $"SELECT DISTINCT block_id FROM pragma_storage_info('{table}') WHERE block_id >= 0";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                blocks.Add(reader.GetInt64(0));
            }
        }

        Assert.That(blocks, Is.Not.Empty, $"{table} has blocks of its own");
        foreach (var block in blocks)
        {
            Overwrite(path, HeaderBytes + (block * BlockBytes) + 1024, 4096);
        }
    }

    /// <summary>Cuts the file short a little after its headers, as a copy that stopped early.</summary>
    public static void Truncate(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(HeaderBytes + 1000);
    }

    private static void Overwrite(string path, long offset, long length)
    {
        var noise = new byte[length];
        new Random(16).NextBytes(noise);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = offset;
        file.Write(noise);
    }
}
