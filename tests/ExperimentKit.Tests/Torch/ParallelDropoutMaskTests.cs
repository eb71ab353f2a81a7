using ExperimentKit.Models;
using ExperimentKit.Tests.Models;
using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Torch;

/// <summary>Dropout with its mask drawn on every core: ATen's dropout in distribution and scaling, and reproducible.</summary>
[Collection(TorchCollection.Name)]
public sealed class ParallelDropoutMaskTests
{
    private const long Large = 1 << 18;

    [Fact]
    public void Kept_elements_are_scaled_by_one_over_the_keep_probability_and_about_one_in_ten_is_dropped()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var input = ones(Large);

        var output = ParallelDropoutMask.Apply(input, 0.1, training: true);

        var values = output.data<float>().ToArray();
        var dropped = values.Count(v => v == 0f);
        Assert.All(values.Where(v => v != 0f), v => Assert.Equal(1f / 0.9f, v, 6));

        // Binomial(262,144, 0.1): mean 26,214, standard deviation 154; five of them either way.
        Assert.InRange(dropped, 26_214 - 770, 26_214 + 770);
    }

    [Fact]
    public void Every_chunk_draws_its_own_mask()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();

        var kept = ParallelDropoutMask.Apply(ones(Large), 0.5, training: true).ne(0).view(8, -1);

        // Chunks seeded alike would repeat one pattern; independent ones agree on about half their positions.
        var agreement = kept[0].eq(kept[1]).to_type(ScalarType.Float32).mean().item<float>();
        Assert.InRange(agreement, 0.45f, 0.55f);
    }

    [Fact]
    public void The_same_seed_gives_the_same_mask_on_one_thread_or_two()
    {
        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            var onOne = MaskAfterSeed(7);
            set_num_threads(2);
            var onTwo = MaskAfterSeed(7);
            var again = MaskAfterSeed(7);

            Assert.Equal(onOne, onTwo);
            Assert.Equal(onTwo, again);
            Assert.NotEqual(onTwo, MaskAfterSeed(8));
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void In_eval_mode_or_with_probability_zero_the_input_passes_unchanged()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        var input = randn(Large);

        Assert.True(TinyBert.SameBits(input, ParallelDropoutMask.Apply(input, 0.1, training: false)));
        Assert.True(TinyBert.SameBits(input, ParallelDropoutMask.Apply(input, 0.0, training: true)));
    }

    [Fact]
    public void The_gradient_is_the_scaled_mask()
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        var input = ones(Large, requires_grad: true);

        var output = ParallelDropoutMask.Apply(input, 0.1, training: true);
        output.sum().backward();

        Assert.True(TinyBert.SameBits(output.detach(), input.grad!));
    }

    [Fact]
    public void The_module_drops_only_in_training_mode()
    {
        manual_seed(5);
        using var dropout = new ParallelDropout(0.5);
        using var scope = NewDisposeScope();
        var input = ones(Large);

        dropout.train();
        Assert.True(dropout.forward(input).eq(0).any().item<bool>());
        dropout.eval();
        Assert.True(TinyBert.SameBits(input, dropout.forward(input)));
    }

    private static bool[] MaskAfterSeed(long seed)
    {
        manual_seed(seed);
        using var scope = NewDisposeScope();
        return ParallelDropoutMask.Apply(ones(Large), 0.1, training: true).ne(0).data<bool>().ToArray();
    }
}
