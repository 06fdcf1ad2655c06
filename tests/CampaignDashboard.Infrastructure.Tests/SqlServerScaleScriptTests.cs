using CampaignDashboard.Infrastructure.Dashboard;
using CampaignDashboard.Infrastructure.Persistence;
using CampaignDashboard.Infrastructure.Persistence.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CampaignDashboard.Infrastructure.Tests;

/// <summary>
/// The T-SQL of SQL Server at scale that cannot run here: the DBA's partitioning scripts in docs/sql-server (never a
/// migration), and the population cache's own statements. Parsed with SQL Server 2022's grammar, as
/// <see cref="TransactSqlScriptTests"/> parses the application's scripts; that is all that is checked.
/// </summary>
public sealed class SqlServerScaleScriptTests
{
    private static readonly string DocsFolder = Path.Combine(RepositoryPaths.Root, "docs", "sql-server");

    public static IEnumerable<TestCaseData> DbaScripts() =>
        Directory.GetFiles(DocsFolder, "*.sql").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetArgDisplayNames(Path.GetFileName(path)));

    [Test]
    public void There_are_the_partitioning_script_and_its_monthly_job() =>
        Assert.That(DbaScripts().Select(c => (string)c.Arguments[0]!), Is.EquivalentTo(new[] { "monthly-maintenance.sql", "partition-transactions.sql" }));

    [TestCaseSource(nameof(DbaScripts))]
    public void A_DBA_script_parses_with_the_SQL_Server_2022_parser(string file) =>
        Parse(File.ReadAllText(Path.Combine(DocsFolder, file)));

    [Test]
    public void The_partitioning_script_replaces_indexes_the_migrations_made_and_keeps_the_primary_key()
    {
        var script = Parse(File.ReadAllText(Path.Combine(DocsFolder, "partition-transactions.sql")));
        var migrations = string.Join("\n", SqlServerMigrator.Migrations.Select(m => SqlScripts.Load("SqlServer", m.Script)));
        var dropped = Collect<DropIndexStatement>(script).SelectMany(d => d.DropIndexClauses).OfType<DropIndexClause>().Select(c => c.Index.Value).ToArray();
        var created = Collect<CreateIndexStatement>(script).Select(c => c.Name.Value)
            .Concat(Collect<CreateColumnStoreIndexStatement>(script).Select(c => c.Name.Value)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(dropped, Is.EquivalentTo(new[] { "ncci_transactions_dashboard", "ix_transactions_customer_date" }));
            Assert.That(dropped, Has.All.Matches<string>(name => migrations.Contains($"INDEX {name}", StringComparison.Ordinal)), "made by a migration");
            Assert.That(created, Does.Contain("ix_transactions_customer_date"), "the customer index is made again");
            Assert.That(migrations, Does.Contain("CONSTRAINT pk_transactions PRIMARY KEY NONCLUSTERED"), "the key the script leaves alone");
            Assert.That(Collect<AlterTableConstraintModificationStatement>(script).Concat<TSqlStatement>(Collect<AlterTableDropTableElementStatement>(script)), Is.Empty);
        });
    }

    [Test]
    public void The_population_is_built_by_one_SELECT_INTO_compiled_for_its_window()
    {
        var select = Collect<SelectStatement>(Parse(SqlServerSelectionInputs.PopulationStatement("##campaign_population_0123456789abcdef0123456789abcdef"))).Single();
        Assert.Multiple(() =>
        {
            Assert.That(select.Into?.BaseIdentifier.Value, Is.EqualTo("##campaign_population_0123456789abcdef0123456789abcdef"));
            Assert.That(select.OptimizerHints.Select(h => h.HintKind), Is.EqualTo(new[] { OptimizerHintKind.Recompile }));
        });
    }

    [Test]
    public void The_check_that_a_population_table_still_exists_parses() =>
        Assert.That(Collect<SelectStatement>(Parse(SqlServerPopulationBuilder.ExistsStatement)), Has.Count.EqualTo(1));

    private static TSqlFragment Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var tree = parser.Parse(reader, out var errors);
        Assert.That(errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"), Is.Empty);
        return tree;
    }

    private static List<T> Collect<T>(TSqlFragment tree)
        where T : TSqlFragment
    {
        var collector = new Collector<T>();
        tree.Accept(collector);
        return collector.Found;
    }

    private sealed class Collector<T> : TSqlFragmentVisitor
        where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment node)
        {
            if (node is T found)
            {
                Found.Add(found);
            }
        }
    }
}
