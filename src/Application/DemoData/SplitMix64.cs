namespace CampaignDashboard.Application.DemoData;

/// <summary>
/// A tiny, allocation-free, portable pseudo-random generator. Unlike System.Random its sequence is fixed by
/// its published algorithm, so a seed gives the same rows on every runtime and machine.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 For(int seed, long stream) =>
        new(unchecked(((ulong)(uint)seed << 32) ^ (ulong)stream * 0x9E3779B97F4A7C15UL));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + (int)(NextDouble() * (maxExclusive - minInclusive));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Log-normal with the given median.</summary>
    public double LogNormal(double median, double sigma)
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        var normal = Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());
        return median * Math.Exp(sigma * normal);
    }
}
