using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>A storage a <c>torch.save</c> pickle refers to: its entry <c>data/{Key}</c> in the archive holds <see cref="Count"/> elements.</summary>
internal sealed record PickledStorage(string Key, ScalarType DType, long Count);
