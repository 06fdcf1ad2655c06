using System.Text.Json.Nodes;
using CampaignDashboard.ClientTests.Support;

namespace CampaignDashboard.ClientTests;

/// <summary>
/// The committed OpenAPI document and the TypeScript client generated from it (clients/) are up to date with the API.
/// With CAMPAIGN_CLIENT_UPDATE=1 (bash clients/generate.sh) the tests rewrite both files instead of comparing them.
/// </summary>
[NonParallelizable]
public sealed class GeneratedClientTests
{
    private const string Stale = "is stale against the API; regenerate with `" + Repository.RegenerateCommand + "` and commit the result.";

    [Test]
    [Order(1)]
    public async Task The_committed_OpenAPI_document_is_the_one_the_API_serves()
    {
        using var host = new OpenApiHost();
        var live = OpenApiJson.Normalize(await host.GetDocumentAsync());

        if (Repository.UpdateMode)
        {
            await File.WriteAllTextAsync(Repository.OpenApiDocument, OpenApiJson.Format(live));
            TestContext.Out.WriteLine("Wrote " + Repository.OpenApiDocument);
            return;
        }

        Assert.That(File.Exists(Repository.OpenApiDocument), Is.True, $"{Repository.OpenApiDocument} is missing; create it with `{Repository.RegenerateCommand}`.");
        var committed = OpenApiJson.Normalize(await File.ReadAllTextAsync(Repository.OpenApiDocument));
        var difference = OpenApiJson.FirstDifference(committed, live);
        Assert.That(difference, Is.Null, $"clients/openapi/campaign-dashboard.v1.json {Stale}\nFirst difference: {difference}");
    }

    [Test]
    [Order(2)]
    public async Task The_committed_TypeScript_client_is_what_nswag_generates_from_the_document()
    {
        if (Repository.UpdateMode)
        {
            TestContext.Out.WriteLine(await NSwagTool.RunAsync(Repository.NSwagConfig));
            return;
        }

        // The same nswag.json, reading the committed document and writing into a temporary directory.
        var directory = Directory.CreateTempSubdirectory("campaign-dashboard-nswag-").FullName;
        try
        {
            var output = Path.Combine(directory, "campaign-client.ts");
            var config = JsonNode.Parse(await File.ReadAllTextAsync(Repository.NSwagConfig))!;
            config["documentGenerator"]!["fromDocument"]!["url"] = Repository.OpenApiDocument;
            config["codeGenerators"]!["openApiToTypeScriptClient"]!["output"] = output;
            var configPath = Path.Combine(directory, "nswag.json");
            await File.WriteAllTextAsync(configPath, config.ToJsonString());

            await NSwagTool.RunAsync(configPath);

            Assert.That(File.Exists(Repository.TypeScriptClient), Is.True, $"{Repository.TypeScriptClient} is missing; create it with `{Repository.RegenerateCommand}`.");
            var expected = Lines(await File.ReadAllTextAsync(output));
            var committed = Lines(await File.ReadAllTextAsync(Repository.TypeScriptClient));
            var line = Enumerable.Range(0, Math.Max(expected.Length, committed.Length))
                .FirstOrDefault(i => i >= expected.Length || i >= committed.Length || expected[i] != committed[i], -1);
            Assert.That(line, Is.EqualTo(-1),
                $"clients/typescript/src/campaign-client.ts {Stale}\nFirst difference at line {line + 1}:\n" +
                $"  committed: {(line >= 0 && line < committed.Length ? committed[line] : "<end of file>")}\n" +
                $"  generated: {(line >= 0 && line < expected.Length ? expected[line] : "<end of file>")}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void The_client_generator_settings_give_a_fetch_client_with_typed_problem_details()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Repository.NSwagConfig))!["codeGenerators"]!["openApiToTypeScriptClient"]!;
        Assert.Multiple(() =>
        {
            Assert.That(settings["template"]!.GetValue<string>(), Is.EqualTo("Fetch"));
            Assert.That(settings["typeStyle"]!.GetValue<string>(), Is.EqualTo("Class"), "classes, so problem details can be told apart with instanceof");
            Assert.That(settings["wrapDtoExceptions"]!.GetValue<bool>(), Is.True, "errors are ApiException with the problem details as result");
            Assert.That(settings["exceptionClass"]!.GetValue<string>(), Is.EqualTo("ApiException"));
            Assert.That(settings["useAbortSignal"]!.GetValue<bool>(), Is.True);
            Assert.That(settings["dateTimeType"]!.GetValue<string>(), Is.EqualTo("String"), "dates stay YYYY-MM-DD strings, as the API sends them");
        });
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
