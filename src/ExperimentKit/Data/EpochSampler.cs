using TorchSharp;

namespace ExperimentKit.Data;

/// <summary>
/// The order examples are visited in, like the Trainer's RandomSampler: one generator seeded once,
/// a fresh permutation each epoch, so the same seed always gives the same orders.
/// </summary>
public sealed class EpochSampler(int count, long seed) : IDisposable
{
    private readonly torch.Generator generator = new torch.Generator().manual_seed(seed);

    public int[] NextPermutation()
    {
        using var permutation = torch.randperm(count, generator: generator);
        return permutation.data<long>().Select(index => (int)index).ToArray();
    }

    /// <summary>The generator's state (a byte tensor the caller disposes), to continue the same orders after a restart.</summary>
    public torch.Tensor GetState() => generator.get_state();

    public void SetState(torch.Tensor state) => generator.set_state(state);

    public void Dispose() => generator.Dispose();
}
