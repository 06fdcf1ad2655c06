using System.Diagnostics;
using System.Text.Json;

namespace CampaignDashboard.Infrastructure.Persistence.DuckDb;

/// <summary>
/// The API that serves a DuckDB file, as it announces itself in a file beside it (&lt;database&gt;.api.json) while it
/// listens: its process and addresses. DuckDB lets one process hold a file, so `campaign import` hands its import to
/// that API instead (ADR 8).
/// </summary>
public sealed record ServingApi(int ProcessId, IReadOnlyList<string> Urls)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FileFor(string databaseFile) => databaseFile + ".api.json";

    /// <summary>Announces this process as the API serving <paramref name="databaseFile"/> at <paramref name="listening"/>.</summary>
    public static void Announce(string databaseFile, IEnumerable<string> listening) =>
        File.WriteAllText(FileFor(databaseFile), JsonSerializer.Serialize(new ServingApi(Environment.ProcessId, [.. listening.Select(Reachable)]), Json));

    /// <summary>Withdraws this process's announcement (one left by another process is not touched).</summary>
    public static void Withdraw(string databaseFile)
    {
        if (Find(databaseFile) is { } api && api.ProcessId == Environment.ProcessId)
        {
            File.Delete(FileFor(databaseFile));
        }
    }

    /// <summary>The API serving <paramref name="databaseFile"/>: null when none announced itself, or its process is gone.</summary>
    public static ServingApi? Find(string databaseFile)
    {
        try
        {
            var api = JsonSerializer.Deserialize<ServingApi>(File.ReadAllText(FileFor(databaseFile)), Json);
            using var process = api is null ? null : Process.GetProcessById(api.ProcessId);
            return process is { HasExited: false } ? api : null;
        }
        catch (Exception e) when (e is IOException or JsonException or ArgumentException or UnauthorizedAccessException)
        {
            // No announcement, a broken one, or the process is gone.
            return null;
        }
    }

    /// <summary>The address to call: plain HTTP where the API has it, else its first.</summary>
    public Uri BaseAddress => new(Urls.FirstOrDefault(url => url.StartsWith("http:", StringComparison.OrdinalIgnoreCase)) ?? Urls[0]);

    // Kestrel lists wildcard hosts ("http://[::]:5080", "http://+:5080", "http://0.0.0.0:5080"): called as localhost.
    private static string Reachable(string url)
    {
        var uri = new UriBuilder(url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
