namespace CampaignDashboard.Api.Tests.Support;

/// <summary>A fixture with the API on one engine (DuckDB, or SQL Server where one answers) and a client for it.</summary>
public abstract class EngineFixture(EngineUnderTest engine)
{
    protected EngineUnderTest Engine => engine;

    protected DashboardApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        Factory = await TestEngines.StartAsync(engine);
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        Client?.Dispose();
        Factory?.Dispose();
    }
}
