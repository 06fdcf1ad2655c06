namespace CampaignDashboard.Application.Common;

/// <summary>How exports are named: readable in a campaign tool, safe on every file system.</summary>
public static class FileNames
{
    /// <summary>A label as part of a file name: lower case, '-' for anything but ASCII letters and digits ("can-t-lose-them").</summary>
    public static string Slug(string label) =>
        string.Concat(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
