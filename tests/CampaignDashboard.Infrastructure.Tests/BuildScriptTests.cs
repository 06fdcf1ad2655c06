using System.Management.Automation.Language;

namespace CampaignDashboard.Infrastructure.Tests;

/// <summary>build.ps1 is checked with PowerShell's own parser, so a syntax error fails here rather than on a Windows box.</summary>
public sealed class BuildScriptTests
{
    private static readonly string BuildScript = Path.Combine(RepositoryPaths.Root, "build.ps1");

    [Test]
    public void Build_script_parses_without_errors()
    {
        Parser.ParseFile(BuildScript, out _, out var errors);
        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}"), Is.Empty);
    }

    [Test]
    public void Build_script_offers_the_documented_targets()
    {
        var ast = Parser.ParseFile(BuildScript, out _, out _);
        var target = ast.ParamBlock?.Parameters.SingleOrDefault(p => p.Name.VariablePath.UserPath == "Target");
        Assert.That(target, Is.Not.Null, "a -Target parameter");
        var validateSet = target!.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        Assert.That(validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(a => a.Value),
            Is.EquivalentTo(new[] { "Build", "Test", "IntegrationTests", "Bench", "Migrate" }));
    }
}
