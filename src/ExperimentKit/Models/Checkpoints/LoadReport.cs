namespace ExperimentKit.Models;

/// <summary>
/// What a checkpoint load did not match: model tensors the file lacks (left as initialised), file tensors the
/// model lacks (ignored), and tensors skipped for a shape difference ("name: checkpoint [..] vs model [..]").
/// </summary>
public sealed record LoadReport(IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected, IReadOnlyList<string> ShapeMismatches)
{
    public bool IsExact => Missing.Count == 0 && Unexpected.Count == 0 && ShapeMismatches.Count == 0;
}
