using ExperimentKit.Data;

namespace ExperimentKit.Tests.Data;

public sealed class SplitMix64Tests
{
    [Fact]
    public void It_is_the_published_SplitMix64_sequence()
    {
        // splitmix64.c (Vigna) from state 0.
        var generator = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, generator.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, generator.Next());
    }

    [Fact]
    public void Bounded_draws_stay_below_the_bound_and_reach_every_value()
    {
        var generator = SplitMix64.For(42, new BatchPosition(0, 0));
        var counts = new int[7];
        for (var i = 0; i < 7000; i++)
        {
            counts[generator.NextInt(7)]++;
        }

        // 1,000 expected each; 4 standard deviations of a binomial(7000, 1/7) is about 118.
        Assert.All(counts, count => Assert.InRange(count, 880, 1120));
    }

    [Fact]
    public void Each_position_has_its_own_stream_and_the_same_position_the_same_one()
    {
        ulong First(int seed, int pass, int index) => SplitMix64.For(seed, new BatchPosition(pass, index)).Next();

        Assert.Equal(First(42, 3, 5), First(42, 3, 5));
        Assert.Equal(
            9,
            new[] { First(42, 0, 0), First(42, 0, 1), First(42, 1, 0), First(42, 1, 1), First(43, 0, 0), First(42, -1, 0), First(42, -1, 1), First(0, 0, 0), First(-1, 0, 0) }
                .Distinct().Count());
    }
}
