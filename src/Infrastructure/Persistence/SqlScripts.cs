using System.Collections.Concurrent;
using System.Reflection;

namespace CampaignDashboard.Infrastructure.Persistence;

/// <summary>The embedded .sql files, by engine folder and name (Sql/DuckDb/kpi.sql is ("DuckDb", "kpi")).</summary>
public static class SqlScripts
{
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Load(string engine, string name) => Cache.GetOrAdd($"Sql/{engine}/{name}.sql", static resource =>
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded SQL script '{resource}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>One of an engine's scripts (Sql/&lt;engine&gt;/&lt;name&gt;.sql), as that engine runs it (<see cref="IDatabaseEngine.Qualify"/>).</summary>
    public static string Script(this IDatabaseEngine engine, string name) => engine.Qualify(Load(engine.ScriptFolder, name));

    /// <summary>Every embedded script's name (without folder and extension) for an engine.</summary>
    public static IReadOnlyList<string> Names(string engine) => Assembly.GetManifestResourceNames()
        .Where(r => r.StartsWith($"Sql/{engine}/", StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
        .Select(r => r[($"Sql/{engine}/".Length)..^".sql".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();
}
