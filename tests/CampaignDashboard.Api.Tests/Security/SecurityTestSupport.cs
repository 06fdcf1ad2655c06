using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using CampaignDashboard.Api.Tests.Support;
using CampaignDashboard.Application.Data;
using CampaignDashboard.Application.DemoData;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.DuckDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serilog.Core;
using Serilog.Events;

namespace CampaignDashboard.Api.Tests.Security;

/// <summary>Self-issued JWTs for the JwtBearer tests: the API is configured with <see cref="Settings"/>.</summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.campaign-dashboard.test";
    public const string Audience = "campaign-dashboard-api";
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    /// <summary>Authentication:Mode=JwtBearer with a symmetric key, issuer and audience.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Mode"] = "JwtBearer",
            ["Authentication:Issuer"] = Issuer,
            ["Authentication:Audience"] = Audience,
            ["Authentication:SigningKey"] = SigningKey,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string Create(
        string subject = "marketing-analyst-1",
        string issuer = Issuer,
        string audience = Audience,
        string signingKey = SigningKey,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string? scope = null,
        string? role = null)
    {
        var now = DateTime.UtcNow;
        var validFrom = notBefore ?? now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(new[]
            {
                new Claim(JwtRegisteredClaimNames.Sub, subject),
                scope is null ? null : new Claim("scope", scope),
                role is null ? null : new Claim("role", role),
            }.OfType<Claim>()),
            IssuedAt = validFrom,
            NotBefore = validFrom,
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token with "alg":"none": claims that are right, and no signature at all.</summary>
    public static string WithoutSignature(string subject = "marketing-analyst-1")
    {
        var now = DateTimeOffset.UtcNow;
        var payload = $$"""{"sub":"{{subject}}","iss":"{{Issuer}}","aud":"{{Audience}}","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(10).ToUnixTimeSeconds()}}}""";
        return new JsonWebTokenHandler().CreateToken(payload);
    }
}

/// <summary>Every log event the API writes, from a Serilog sink registered in its container (ReadFrom.Services).</summary>
public sealed class CapturedLogEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Everything an event could carry into a log: template, rendered message, every property, the exception.</summary>
    public static string Render(LogEvent logEvent)
    {
        var text = new StringBuilder()
            .AppendLine(logEvent.MessageTemplate.Text)
            .AppendLine(logEvent.RenderMessage(CultureInfo.InvariantCulture));
        foreach (var (name, value) in logEvent.Properties)
        {
            text.Append(name).Append('=').AppendLine(value.ToString());
        }

        return text.AppendLine(logEvent.Exception?.ToString()).ToString();
    }

    public IReadOnlyList<string> RenderAll() => Events.Select(Render).ToArray();
}

/// <summary>What <see cref="SwitchableDatabaseEngine"/> does to the next connection the API opens.</summary>
public enum DatabaseFault
{
    /// <summary>Pass through to the real engine.</summary>
    None,

    /// <summary>What the engines raise when the database cannot be opened (SQL Server down, DuckDB file locked by another process).</summary>
    Unavailable,

    /// <summary>A real DuckDB engine over a file whose directory is gone: DuckDB's own IO error.</summary>
    FileGone,

    /// <summary>A real DuckDB engine over an empty database without the schema: a query defect (catalog error), not an outage.</summary>
    NoSchema,

    /// <summary>The database never answers: opening waits until the request's token is cancelled.</summary>
    Hang,
}

/// <summary>
/// Test code only: the API's <see cref="IDatabaseEngine"/> decorated so that a test can take the database away and
/// give it back mid-run. DuckDB cannot be made unavailable to a running process for real: the engine keeps one
/// connection open for the process's lifetime, so the file stays open (renaming or removing it changes nothing on
/// Linux) and its lock stays ours (another process cannot take it). See docs/security.md.
/// </summary>
public sealed class SwitchableDatabaseEngine(IDatabaseEngine real) : IDatabaseEngine, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("campaign-dashboard-faults-").FullName;
    private DuckDbEngine? _goneEngine;
    private DuckDbEngine? _emptyEngine;
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile DatabaseFault _fault;
    private int _disposed;

    public DatabaseFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    public string ScriptFolder => real.ScriptFolder;

    public char ParameterPrefix => real.ParameterPrefix;

    public int CommandTimeoutSeconds => real.CommandTimeoutSeconds;

    public string TelemetryName => real.TelemetryName;

    public void StreamResults(DbCommand command) => real.StreamResults(command);

    public string Qualify(string sql) => real.Qualify(sql);

    /// <summary>Completes when a request starts waiting on a hung database.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Completes when the token of a request waiting on a hung database is cancelled.</summary>
    public Task Cancelled => _cancelled.Task;

    public void ResetHangSignals()
    {
        _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        switch (_fault)
        {
            case DatabaseFault.Unavailable:
                throw new DataStoreUnavailableException(
                    "The database cannot be reached (test: taken away)", new IOException("connection refused"));
            case DatabaseFault.FileGone:
                _goneEngine ??= new DuckDbEngine($"Data Source={Path.Combine(_scratch, "removed-directory", "dashboard.duckdb")}", 30);
                return await _goneEngine.OpenConnectionAsync(cancellationToken);
            case DatabaseFault.NoSchema:
                _emptyEngine ??= new DuckDbEngine($"Data Source={Path.Combine(_scratch, "empty.duckdb")}", 30);
                return await _emptyEngine.OpenConnectionAsync(cancellationToken);
            case DatabaseFault.Hang:
                using (cancellationToken.Register(() => _cancelled.TrySetResult()))
                {
                    _entered.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                throw new InvalidOperationException("unreachable");
            default:
                return await real.OpenConnectionAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Idempotent: the container disposes this instance twice, once as itself and once through the
    /// <see cref="IDatabaseEngine"/> forwarding registration.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _goneEngine?.Dispose();
        _emptyEngine?.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>Registers the switch in front of the real engine (ConfigureTestServices).</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton(sp => new SwitchableDatabaseEngine(sp.GetRequiredService<DuckDbEngine>()));
        services.AddSingleton<IDatabaseEngine>(sp => sp.GetRequiredService<SwitchableDatabaseEngine>());
    }
}

public static class SecurityTestData
{
    /// <summary>A small deterministic dataset (the demo generator at a small size) loaded into the factory's database.</summary>
    public static Task LoadSmallDatasetAsync(this DashboardApiFactory factory, int customers = 300, int transactions = 3000, int seed = 7)
    {
        var data = new SyntheticRetailData(customers, transactions, seed);
        return factory.LoadAsync(data.Customers(), data.Transactions());
    }

    /// <summary>Row counts, checksums and the table list of the campaign schema, read through the API's own engine.</summary>
    public static async Task<string> FingerprintAsync(this DashboardApiFactory factory)
    {
        await using var connection = await factory.Services.GetRequiredService<DuckDbEngine>().OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT concat_ws(' ',
                (SELECT count(*) FROM campaign.customers),
                (SELECT coalesce(sum(hash(customer_id, customer_name, mobile, registration_date)), 0) FROM campaign.customers),
                (SELECT count(*) FROM campaign.transactions),
                (SELECT coalesce(sum(hash(transaction_id, customer_id, transaction_date, amount, quantity, profit)), 0) FROM campaign.transactions),
                (SELECT string_agg(table_schema || '.' || table_name, ',' ORDER BY table_schema, table_name)
                   FROM information_schema.tables WHERE table_catalog NOT IN ('system', 'temp', 'dashboard_work')))
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
