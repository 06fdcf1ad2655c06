using CampaignDashboard.Domain.Customers;

namespace CampaignDashboard.UnitTests.Domain;

public sealed class MobileNumberTests
{
    [TestCase("+44 (7700) 900-123", "447700900123")]
    [TestCase("07700900123", "07700900123")]
    [TestCase("123456", "123456")]
    [TestCase("123456789012345", "123456789012345")]
    public void Punctuation_is_ignored(string value, string digits)
    {
        Assert.That(MobileNumber.TryGetDigits(value, out var actual, out _), Is.True);
        Assert.That(actual, Is.EqualTo(digits));
    }

    [TestCase("12345", "6 to 15 digits; found 5")]
    [TestCase("1234567890123456", "6 to 15 digits; found 16")]
    [TestCase("+-() ", "found 0")]
    [TestCase("0770a900123", "'a'")]
    [TestCase("07700.900123", "'.'")]
    [TestCase("0770\u0000900123", "U+0000")]
    public void Other_characters_or_a_wrong_digit_count_are_refused(string value, string reason)
    {
        Assert.That(MobileNumber.TryGetDigits(value, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Stored_mobiles_lose_only_the_ignored_characters() =>
        Assert.That(MobileNumber.StripIgnored("+44 (7700) 900-123 ext.9"), Is.EqualTo("447700900123ext.9"));

    // Contract section 2, "Mobile numbers": the international digits (country code + national number) and the
    // national digits with the trunk prefix, whichever way the number is typed.
    [TestCase("07700 900123")]
    [TestCase("+44 7700 900123")]
    [TestCase("0044 7700 900123")]
    [TestCase("(07700) 900-123")]
    public void With_a_region_a_number_matches_its_international_and_national_digits(string typed)
    {
        Assert.That(MobileNumber.TryGetSearchDigits(typed, "GB", out var digits, out var error), Is.True, error);
        Assert.That(digits, Is.EquivalentTo(new[] { "447700900123", "07700900123" }));
    }

    [Test]
    public void A_number_of_another_country_keeps_its_own_country_code() =>
        Assert.That(MobileNumber.TryGetSearchDigits("+91 98765 43210", "GB", out var digits, out _) ? digits : [],
            Is.EquivalentTo(new[] { "919876543210", "09876543210" }));

    [Test]
    public void Without_a_region_a_number_matches_its_digits_alone() =>
        Assert.That(MobileNumber.TryGetSearchDigits("0044 7700 900123", null, out var digits, out _) ? digits : [],
            Is.EqualTo(new[] { "00447700900123" }));

    [TestCase("12345678", "GB", "not a valid phone number of region GB")]
    [TestCase("+999 1234567", "GB", "not a valid phone number of region GB (unknown country code)")]
    [TestCase("07700 9001234567", "GB", "not a valid phone number of region GB (too long)")]
    [TestCase("0770a900123", "GB", "'a'")]
    public void With_a_region_an_impossible_number_is_refused(string typed, string region, string reason)
    {
        Assert.That(MobileNumber.TryGetSearchDigits(typed, region, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase("GB", true)]
    [TestCase("IN", true)]
    [TestCase("XX", false)]
    public void Regions_are_those_libphonenumber_knows(string region, bool supported) =>
        Assert.That(MobileNumber.IsSupportedRegion(region), Is.EqualTo(supported));
}
