namespace CampaignDashboard.Domain.Customers;

/// <summary>
/// Mobile numbers are compared by their digits: the punctuation people type (spaces, '+', '-', '(' and ')')
/// is ignored on both sides, so "+44 (7700) 900-123" finds a customer stored as "447700900123".
/// </summary>
public static class MobileNumber
{
    public const int MinDigits = 6;
    public const int MaxDigits = 15;

    /// <summary>The characters ignored when comparing mobiles.</summary>
    public const string IgnoredCharacters = " +-()";

    /// <summary>The digits of a searched mobile, or the reason it cannot be searched for.</summary>
    public static bool TryGetDigits(string value, out string digits, out string error)
    {
        digits = string.Empty;
        var invalid = value.Where(ch => !char.IsAsciiDigit(ch) && !IgnoredCharacters.Contains(ch)).Distinct().ToArray();
        if (invalid.Length > 0)
        {
            error = $"may contain only digits, spaces and the characters + - ( ); found {string.Join(" ", invalid.Select(Describe))}";
            return false;
        }

        digits = StripIgnored(value);
        if (digits.Length is < MinDigits or > MaxDigits)
        {
            error = $"must have {MinDigits} to {MaxDigits} digits; found {digits.Length}";
            digits = string.Empty;
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>A mobile with the ignored punctuation removed: how a stored mobile is compared.</summary>
    public static string StripIgnored(string value) =>
        string.Concat(value.Where(ch => !IgnoredCharacters.Contains(ch)));

    private static string Describe(char ch) => char.IsControl(ch) || char.IsWhiteSpace(ch)
        ? $"U+{(int)ch:X4}"
        : $"'{ch}'";
}
