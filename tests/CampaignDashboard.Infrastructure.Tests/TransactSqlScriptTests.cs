using CampaignDashboard.Application;
using CampaignDashboard.Application.Customers.Common;
using CampaignDashboard.Application.Migration.Common;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Widgets;
using CampaignDashboard.Domain.FiscalYears;
using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Moq;

namespace CampaignDashboard.Infrastructure.Tests;

/// <summary>
/// Checks that run without a SQL Server: every T-SQL text the application can send parses with SQL Server 2022's
/// parser, every widget has both twins, and each statement is given exactly the parameters it uses.
/// </summary>
public sealed class TransactSqlScriptTests
{
    private const string SqlServer = "SqlServer";
    private const string DuckDb = "DuckDb";

    private const string PopulationTable = "##campaign_population_0123456789abcdef0123456789abcdef";
    private const string PredictionTable = "##campaign_prediction_0123456789abcdef0123456789abcdef";

    /// <summary>
    /// The scripts composed over the selection: those the registered widgets run (Application/Dashboard/Widgets, but the
    /// as-of date's own), and the customers list's.
    /// </summary>
    public static IReadOnlyList<string> WidgetScripts()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddApplication(autoMapperLicenseKey: null)
            .AddSingleton(Mock.Of<IDataVersionSource>())
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetServices<IDashboardWidget>()
            .Where(w => w.GetType().BaseType is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(SqlWidget<>))
            .Select(w => w.Name)
            .Concat([PredictionWidget.Script, CustomerScripts.List, CustomerScripts.Count]).ToArray();
    }

    /// <summary>
    /// The dashboard's statements as sent to SQL Server: the population into its temporary table, each widget composed
    /// over that table, and the as-of date.
    /// </summary>
    public static IEnumerable<TestCaseData> DashboardStatements()
    {
        yield return new TestCaseData(SqlServerSelectionInputs.PopulationStatement(PopulationTable)).SetArgDisplayNames(DashboardScripts.Population);
        var inputs = $"population AS (SELECT * FROM {PopulationTable}),\n{SqlScripts.Load(SqlServer, DashboardScripts.CustomerMatches)}";
        foreach (var widget in WidgetScripts())
        {
            var widgetInputs = DashboardScripts.ReadingPrediction.Contains(widget) ? $"{inputs},\nprediction AS (SELECT * FROM {PredictionTable})" : inputs;
            yield return new TestCaseData(SqlDashboardQueries.ComposeWidget(SqlServer, widgetInputs, widget)).SetArgDisplayNames(widget);
        }

        foreach (var script in MigrationStatements)
        {
            yield return new TestCaseData(SqlDashboardQueries.ComposeMigration(SqlServer, PopulationTable, PopulationTable.Replace("0123", "4567", StringComparison.Ordinal), script))
                .SetArgDisplayNames(script);
        }

        yield return new TestCaseData(SqlScripts.Load(SqlServer, DashboardScripts.AsOfDate)).SetArgDisplayNames(DashboardScripts.AsOfDate);
        yield return new TestCaseData(SqlScripts.Load(SqlServer, DashboardScripts.PredictionInputs)).SetArgDisplayNames(DashboardScripts.PredictionInputs);
        yield return new TestCaseData(DashboardScripts.PredictionTableStatement(SqlServer, PredictionTable)).SetArgDisplayNames(DashboardScripts.PredictionTable);
        yield return new TestCaseData(SqlScripts.Load(SqlServer, DashboardScripts.PredictionNone)).SetArgDisplayNames(DashboardScripts.PredictionNone);
    }

    /// <summary>The segment migration's scripts, each composed over two snapshots' population tables and the flow.</summary>
    private static readonly string[] MigrationStatements = [MigrationScripts.Migration, MigrationScripts.Customers, MigrationScripts.CustomersCount];

    /// <summary>Every T-SQL text the application can send: the dashboard's statements and every other script (imports, migrations, ...).</summary>
    public static IEnumerable<TestCaseData> TransactSqlStatements()
    {
        var fragments = DashboardScripts.All.Concat(WidgetScripts()).Concat(MigrationStatements);
        return DashboardStatements().Concat(SqlScripts.Names(SqlServer)
            .Except(fragments)
            .Select(name => new TestCaseData(SqlScripts.Load(SqlServer, name)).SetArgDisplayNames(name)));
    }

    [TestCaseSource(nameof(TransactSqlStatements))]
    public void Every_TSql_text_parses_with_the_SQL_Server_2022_parser(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.That(errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"), Is.Empty);
    }

    [Test]
    public void Every_dashboard_script_has_a_DuckDB_and_a_TSql_twin()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SqlScripts.Names(DuckDb), Is.SupersetOf(DashboardScripts.All.Concat(WidgetScripts()).Concat(MigrationStatements)), "DuckDB scripts");
            Assert.That(SqlScripts.Names(SqlServer), Is.SupersetOf(DashboardScripts.All.Concat(WidgetScripts()).Concat(MigrationStatements)), "T-SQL scripts");
        });
    }

    [Test]
    public void The_two_engines_have_the_same_scripts_apart_from_schema_management()
    {
        // DuckDB derives data (customer_days, customer_totals) that SQL Server reads through its indexes instead, scores
        // its populations from measures and cuts kept apart (population/*: SQL Server keeps whole populations), and
        // removes a killed import's staging tables at open (SQL Server's are temporary tables, gone with their session).
        var duckDb = SqlScripts.Names(DuckDb).Where(n => n is not ("schema" or "import_leftovers")
            && !n.StartsWith("derived/", StringComparison.Ordinal) && !n.StartsWith("population/", StringComparison.Ordinal));
        var sqlServer = SqlScripts.Names(SqlServer).Where(n => n != "migration_journal" && !n.StartsWith("migrations/", StringComparison.Ordinal));
        Assert.That(sqlServer, Is.EquivalentTo(duckDb));
    }

    [TestCaseSource(nameof(DashboardStatements))]
    public void A_statement_is_given_exactly_the_parameters_it_uses(string sql)
    {
        var used = VariablesIn(sql);
        var bound = DashboardSqlParameters.Bind(sql, '@', AllValues()).ParameterNames;
        Assert.That(bound, Is.EquivalentTo(used));
    }

    [Test]
    public void Every_parameter_a_script_uses_has_a_value()
    {
        var known = AllValues().Keys;
        foreach (var engine in new[] { (Folder: DuckDb, Prefix: '$'), (Folder: SqlServer, Prefix: '@') })
        {
            foreach (var script in DashboardScripts.All.Concat(WidgetScripts()).Concat(MigrationStatements))
            {
                Assert.That(DashboardSqlParameters.NamesIn(SqlScripts.Load(engine.Folder, script), engine.Prefix), Is.SubsetOf(known),
                    $"{engine.Folder}/{script}.sql");
            }
        }
    }

    [Test]
    public void Migrations_are_numbered_from_one_without_gaps() =>
        Assert.That(SqlServerMigrator.Migrations.Select(m => m.Id), Is.EqualTo(Enumerable.Range(1, SqlServerMigrator.Migrations.Count)));

    [Test]
    public void Batches_split_on_GO_lines_only()
    {
        var batches = SqlServerMigrator.Batches("SELECT 1;\nGO\nSELECT 'GO';\n  go  \nSELECT 2;").ToArray();
        Assert.That(batches.Select(b => b.Trim()), Is.EqualTo(new[] { "SELECT 1;", "SELECT 'GO';", "SELECT 2;" }));
    }

    private static IReadOnlyDictionary<string, object?> AllValues() =>
        DashboardSqlParameters.For(DashboardFilter.Unfiltered, new DateOnly(2024, 3, 1), new FiscalCalendar(4))
            .Concat(CustomerSort.Default.Parameters(offset: 0, limit: 100))
            .Concat(new Dictionary<string, object?> { ["from_cells"] = null, ["to_cells"] = null, ["likely_lapsed_below"] = 0.5m })
            .ToDictionary();

    /// <summary>The @variables a T-SQL text refers to, read from its syntax tree (independent of the regex the app uses).</summary>
    private static HashSet<string> VariablesIn(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var tree = parser.Parse(reader, out var errors);
        Assert.That(errors, Is.Empty);
        var visitor = new VariableCollector();
        tree.Accept(visitor);
        return visitor.Names;
    }

    private sealed class VariableCollector : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override void Visit(VariableReference node) => Names.Add(node.Name.TrimStart('@'));
    }
}
