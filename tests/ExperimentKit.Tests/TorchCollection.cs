namespace ExperimentKit.Tests;

/// <summary>
/// Tests that seed or draw from LibTorch's process-wide generator. xunit runs test classes in parallel, and another
/// class drawing between <c>manual_seed</c> and the draw would change the numbers, so these run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "LibTorch global RNG";
}
