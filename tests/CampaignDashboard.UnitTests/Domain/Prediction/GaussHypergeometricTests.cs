using CampaignDashboard.Domain.Prediction;

namespace CampaignDashboard.UnitTests.Domain.Prediction;

/// <summary>The series against closed forms, to the documented 1e-12 relative accuracy for z up to 0.99.</summary>
public sealed class GaussHypergeometricTests
{
    private const double Accuracy = 1e-12;

    private static readonly double[] Points = [0.001, 0.1, 0.3, 0.5, 0.75, 0.9, 0.99];

    [TestCaseSource(nameof(Points))]
    public void One_one_two_is_minus_log_one_minus_z_over_z(double z) =>
        Assert.That(GaussHypergeometric.Evaluate(1, 1, 2, z), Is.EqualTo(-Math.Log(1 - z) / z).Within(Accuracy * 100).Percent);

    [TestCaseSource(nameof(Points))]
    public void Half_half_three_halves_of_z_squared_is_arcsine_over_z(double z) =>
        Assert.That(
            GaussHypergeometric.Evaluate(0.5, 0.5, 1.5, z * z), Is.EqualTo(Math.Asin(z) / z).Within(Accuracy * 100).Percent);

    [TestCase(0.1)]
    [TestCase(0.3)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    [TestCase(0.99)]
    public void Two_two_three_is_the_derivative_of_one_one_two(double z)
    {
        // d/dz 2F1(1, 1; 2; z) = (1 * 1 / 2) 2F1(2, 2; 3; z), so 2F1(2, 2; 3; z) = 2 (z / (1 - z) + ln(1 - z)) / z^2.
        // c - a - b = -1: the Euler-transformed branch.
        var closedForm = 2 * (z / (1 - z) + Math.Log(1 - z)) / (z * z);
        Assert.That(GaussHypergeometric.Evaluate(2, 2, 3, z), Is.EqualTo(closedForm).Within(Accuracy * 100).Percent);
    }

    [TestCase(0.243, 2.426, 0.5)]
    [TestCase(2.243, 4.426, 0.9)]
    [TestCase(50.2, 52.4, 0.75)]
    [TestCase(0.5, 0.1, 0.99)]
    public void A_b_b_is_a_power(double a, double b, double z) =>
        Assert.That(GaussHypergeometric.Evaluate(a, b, b, z), Is.EqualTo(Math.Pow(1 - z, -a)).Within(Accuracy * 100).Percent);

    [TestCase(0.2)]
    [TestCase(0.95)]
    public void A_negative_integer_parameter_gives_a_polynomial(double z)
    {
        // 2F1(-2, 1; 3; z) = 1 - 2z/3 + (-2)(-1)(1)(2) z^2 / (3 * 4 * 2) = 1 - 2z/3 + z^2/6.
        Assert.That(
            GaussHypergeometric.Evaluate(-2, 1, 3, z), Is.EqualTo(1 - 2 * z / 3 + z * z / 6).Within(Accuracy * 100).Percent);
    }

    [Test]
    public void Near_one_it_still_converges_and_beyond_the_cap_it_says_so()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GaussHypergeometric.Evaluate(1, 1, 2, 0.9999), Is.EqualTo(-Math.Log(1 - 0.9999) / 0.9999).Within(1e-10).Percent);
            Assert.That(() => GaussHypergeometric.Evaluate(1, 1, 2, 1 - 1e-7), Throws.InstanceOf<ArithmeticException>());
        });
    }

    [Test]
    public void Zero_argument_is_one() => Assert.That(GaussHypergeometric.Evaluate(3.2, 1.1, 0.4, 0), Is.EqualTo(1));

    [TestCase(2.243, 4.426, 2.219, 0.6, 2.243)]
    [TestCase(0.7, 0.4, 3.0, 0.6, 5)]
    public void The_scaled_form_is_the_power_times_the_function(double a, double b, double c, double z, double s) =>
        Assert.That(
            GaussHypergeometric.EvaluateScaled(a, b, c, z, s),
            Is.EqualTo(Math.Pow(1 - z, s) * GaussHypergeometric.Evaluate(a, b, c, z)).Within(Accuracy * 100).Percent);

    [TestCase(1)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void An_argument_outside_zero_to_one_is_refused(double z) =>
        Assert.That(() => GaussHypergeometric.Evaluate(1, 1, 2, z), Throws.InstanceOf<ArgumentOutOfRangeException>());

    // BG/NBD with a + b < 1 needs c = a + b - 1 < 0 for customers without a repeat visit. Reference values: mpmath
    // 1.3's hyp2f1 at 30 digits, an implementation independent of this one.
    [TestCase(1.3, 0.8, -0.45, 0.6, -23.001732918290436303)]
    [TestCase(0.25, 0.9, -0.2, 0.3, 0.43027161165210716142)]
    [TestCase(0.4, 1.1, -0.77, 0.74, -34.401031073905403923)]
    public void A_negative_c_that_is_not_a_whole_number_is_summed(double a, double b, double c, double z, double expected) =>
        Assert.That(GaussHypergeometric.Evaluate(a, b, c, z), Is.EqualTo(expected).Within(Accuracy * 100).Percent);

    [TestCase(0.0)]
    [TestCase(-2.0)]
    public void C_zero_or_a_negative_whole_number_is_refused(double c) =>
        Assert.That(() => GaussHypergeometric.Evaluate(1, 1, c, 0.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
