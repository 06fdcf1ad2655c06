using CampaignDashboard.Application.Customers.Common;
using CampaignDashboard.Application.Dashboard.Widgets;
using CampaignDashboard.Application.Prediction;
using CampaignDashboard.Infrastructure.Persistence;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>
/// Names of the scripts every engine has for the dashboard besides the widgets' own (a widget's script is named by the
/// widget: Application/Dashboard/Widgets).
/// </summary>
public static class DashboardScripts
{
    public const string AsOfDate = "as_of_date";
    public const string Population = "population";
    public const string CustomerMatches = "customer_matches";
    public const string Selection = "selection";

    /// <summary>S counted per combination of scores and buckets, for the scripts that read it (<see cref="ReadsCells"/>).</summary>
    public const string SelectionCells = "selection_cells";

    /// <summary>Whether a script's text reads `selection_cells`: its statement is composed with them.</summary>
    public static bool ReadsCells(string scriptText) => scriptText.Contains("FROM selection_cells", StringComparison.Ordinal);

    /// <summary>The customers of two snapshots, one row each, that the segment migration's statements read.</summary>
    public const string MigrationFlow = "migration_flow";

    /// <summary>The prediction's inputs: every customer's history up to the as-of date.</summary>
    public const string PredictionInputs = PredictionInput.Script;

    /// <summary>The table a prediction's forecasts are copied into ({table} is its name).</summary>
    public const string PredictionTable = "prediction_table";

    /// <summary>The statement creating a prediction table named <paramref name="table"/> (a name the application made).</summary>
    public static string PredictionTableStatement(string engineFolder, string table) =>
        SqlScripts.Load(engineFolder, PredictionTable).Replace("{table}", table, StringComparison.Ordinal);

    /// <summary>The scripts the statements are composed with.</summary>
    public static IReadOnlyList<string> All { get; } = [AsOfDate, Population, CustomerMatches, Selection, SelectionCells, MigrationFlow, PredictionInputs, PredictionTable, PredictionNone];

    /// <summary>`prediction` without rows, for a statement whose order does not need the forecasts.</summary>
    public const string PredictionNone = "prediction_none";

    /// <summary>The scripts that read `prediction`, the forecasts at the as-of date.</summary>
    public static IReadOnlyList<string> ReadingPrediction { get; } = [PredictionWidget.Script, CustomerScripts.List];

    /// <summary>
    /// Whether <paramref name="script"/> run with <paramref name="parameters"/> needs the real forecasts (and so waits for
    /// the fit): the prediction block always; a customers list when the application says so (it orders by a prediction
    /// field: joining a million forecasts to page or export by spend would cost more than the page, and the application
    /// fills the fields itself).
    /// </summary>
    public static bool NeedsForecasts(string script, IReadOnlyDictionary<string, object?>? parameters) =>
        script == PredictionWidget.Script
        || parameters?.GetValueOrDefault(CustomerSort.ForecastsParameter) is true;
}
