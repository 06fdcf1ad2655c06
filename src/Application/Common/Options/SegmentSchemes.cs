using System.Globalization;
using CampaignDashboard.Application.Common.Exceptions;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Common.Options;

/// <summary>
/// Every segment scheme of this installation, built once at start: the built-in ones and those of
/// Segmentation:Schemes. A configured scheme that is not valid stops the start with one line naming its key and the
/// fault; so does an unknown Segmentation:DefaultScheme or Scoring:DefaultMethod.
/// </summary>
public sealed class SegmentSchemes
{
    private readonly Dictionary<string, SegmentScheme> _byName;

    public SegmentSchemes(IOptions<SegmentationOptions> segmentation, IOptions<ScoringOptions> scoring)
    {
        var options = segmentation.Value;
        _byName = BuiltInSchemes.All.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, scheme) in options.Schemes)
        {
            var key = $"{SegmentationOptions.SectionName}:Schemes:{name}";
            if (_byName.ContainsKey(name))
            {
                throw new StartupConfigurationException($"{key}: '{name}' is a built-in scheme's name; choose another.");
            }

            _byName[name] = Build(key, name, scheme);
        }

        Default = TryGet(options.DefaultScheme, out var fallback)
            ? fallback
            : throw new StartupConfigurationException(
                $"{SegmentationOptions.SectionName}:DefaultScheme must be one of {string.Join(", ", Names)}; found '{options.DefaultScheme}'.");
        DefaultMethod = ScoreMethods.TryParse(scoring.Value.DefaultMethod, out var method)
            ? method
            : throw new StartupConfigurationException(
                $"{ScoringOptions.SectionName}:DefaultMethod must be one of {string.Join(", ", ScoreMethods.Names)}; found '{scoring.Value.DefaultMethod}'.");
    }

    public SegmentScheme Default { get; }

    public ScoreMethod DefaultMethod { get; }

    public IEnumerable<SegmentScheme> All => _byName.Values;

    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>A scheme by name, ignoring case and surrounding white space.</summary>
    public bool TryGet(string? name, out SegmentScheme scheme) => _byName.TryGetValue(name?.Trim() ?? string.Empty, out scheme!);

    private static SegmentScheme Build(string key, string name, SegmentSchemeOptions options)
    {
        var segments = new List<Segment>();
        for (var i = 0; i < options.Segments.Count; i++)
        {
            segments.Add(Segment(string.Create(CultureInfo.InvariantCulture, $"{key}:Segments:{i}"), options.Segments[i]));
        }

        if (!string.IsNullOrWhiteSpace(options.Fallback))
        {
            segments.Add(new Segment(options.Fallback.Trim(), new Fallback()));
        }

        try
        {
            return SegmentScheme.Create(name, segments);
        }
        catch (SegmentSchemeException e)
        {
            throw new StartupConfigurationException($"{key} {e.Message}.");
        }
    }

    private static Segment Segment(string key, SegmentOptions options)
    {
        var label = options.Label?.Trim() ?? string.Empty;
        if (options.Cells is { Count: > 0 } cells)
        {
            if (options.R is not null || options.F is not null || options.M is not null)
            {
                throw new StartupConfigurationException($"{key} has both Cells and score ranges; a rule is one or the other.");
            }

            return new Segment(label, new CellList(cells.Select(c => c.Trim()).ToArray()));
        }

        if (options.R is null && options.F is null && options.M is null)
        {
            throw new StartupConfigurationException($"{key} has no rule: give R, F and M ranges such as [3, 5], or Cells such as [\"555\", \"554\"].");
        }

        return new Segment(label, new ScoreRanges(Range(key + ":R", options.R), Range(key + ":F", options.F), Range(key + ":M", options.M)));
    }

    private static ScoreRange Range(string key, List<int>? bounds) => bounds switch
    {
        null => ScoreRange.All,
        [var min, var max] => new ScoreRange(min, max),
        _ => throw new StartupConfigurationException($"{key} must be two scores [min, max]; found {bounds.Count} values."),
    };
}
