using System.Collections.Immutable;

namespace ExperimentKit.Models;

/// <summary>One header entry of a safetensors file; <see cref="Begin"/>/<see cref="End"/> are relative to the data section.</summary>
public sealed record SafeTensorEntry(string Name, string DType, ImmutableArray<long> Shape, long Begin, long End)
{
    public long ByteLength => End - Begin;
}
