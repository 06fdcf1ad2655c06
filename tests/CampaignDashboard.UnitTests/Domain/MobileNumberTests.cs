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
}
