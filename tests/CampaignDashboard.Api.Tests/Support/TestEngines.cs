namespace CampaignDashboard.Api.Tests.Support;

public enum EngineUnderTest
{
    DuckDb,
    SqlServer,
}

/// <summary>The engines the HTTP suites run on; SQL Server fixtures carry the category SqlServer.</summary>
public static class TestEngines
{
    public const string SqlServerCategory = "SqlServer";

    public static IEnumerable<TestFixtureData> Each()
    {
        yield return new TestFixtureData(EngineUnderTest.DuckDb);
        var sqlServer = new TestFixtureData(EngineUnderTest.SqlServer);
        sqlServer.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, SqlServerCategory);
        yield return sqlServer;
    }

    /// <summary>Starts the API on the engine; for SQL Server, in a new database (or ignores the fixture).</summary>
    public static async Task<DashboardApiFactory> StartAsync(EngineUnderTest engine, int fiscalYearStartMonth = 4)
    {
        var sqlServer = engine == EngineUnderTest.SqlServer ? await SqlServerTestDatabase.CreateAsync() : null;
        return new DashboardApiFactory(fiscalYearStartMonth, sqlServer);
    }
}

[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task StopSqlServer() => SqlServerTestServer.StopAsync();
}
