using PhoneNumbers;

namespace CampaignDashboard.Domain.Customers;

/// <summary>
/// Mobile numbers are compared by their digits: the punctuation people type (spaces, '+', '-', '(' and ')')
/// is ignored on both sides, so "+44 (7700) 900-123" finds a customer stored as "447700900123". With a phone region
/// (contract section 2, "Mobile numbers") a searched value is read as a phone number of that region, and a customer
/// matches on the number's international digits or its national digits with the trunk prefix.
/// </summary>
public static class MobileNumber
{
    public const int MinDigits = 6;
    public const int MaxDigits = 15;

    /// <summary>The characters ignored when comparing mobiles.</summary>
    public const string IgnoredCharacters = " +-()";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Whether libphonenumber knows <paramref name="region"/> (an ISO 3166 code such as GB or IN).</summary>
    public static bool IsSupportedRegion(string region) => Phones.GetSupportedRegions().Contains(region);

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

    /// <summary>
    /// The digit strings a stored mobile may equal for a customer to match the searched <paramref name="value"/>:
    /// without a <paramref name="region"/> its digits; with one, the number's international digits (country code and
    /// national number) and its national digits with the trunk prefix, as libphonenumber reads and formats it. A
    /// number is refused when its length is impossible for its country; allocation is not checked, so numbers from
    /// ranges newer than the library's data, or Ofcom's drama range 07700 900xxx, can still be found.
    /// </summary>
    public static bool TryGetSearchDigits(string value, string? region, out IReadOnlyList<string> digitStrings, out string error)
    {
        digitStrings = [];
        if (!TryGetDigits(value, out var digits, out error))
        {
            return false;
        }

        if (region is null)
        {
            digitStrings = [digits];
            return true;
        }

        PhoneNumber number;
        try
        {
            number = Phones.Parse(value, region);
        }
        catch (NumberParseException e)
        {
            error = $"is not a valid phone number of region {region} ({Describe(e.ErrorType)})";
            return false;
        }

        var possibility = Phones.IsPossibleNumberWithReason(number);
        if (possibility != PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
        {
            error = $"is not a valid phone number of region {region} ({Describe(possibility)})";
            return false;
        }

        var international = $"{number.CountryCode}{Phones.GetNationalSignificantNumber(number)}";
        var national = string.Concat(Phones.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit));
        digitStrings = international == national ? [international] : [international, national];
        return true;
    }

    /// <summary>A mobile with the ignored punctuation removed: how a stored mobile is compared.</summary>
    public static string StripIgnored(string value) =>
        string.Concat(value.Where(ch => !IgnoredCharacters.Contains(ch)));

    private static string Describe(char ch) => char.IsControl(ch) || char.IsWhiteSpace(ch)
        ? $"U+{(int)ch:X4}"
        : $"'{ch}'";

    private static string Describe(ErrorType parseError) => parseError switch
    {
        ErrorType.INVALID_COUNTRY_CODE => "unknown country code",
        ErrorType.TOO_LONG => "too long",
        ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => "too short",
        _ => "not a phone number",
    };

    private static string Describe(PhoneNumberUtil.ValidationResult possibility) => possibility switch
    {
        PhoneNumberUtil.ValidationResult.TOO_SHORT => "too short",
        PhoneNumberUtil.ValidationResult.TOO_LONG => "too long",
        PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => "a local number: give the area code",
        _ => "a length no number of its country has",
    };
}
