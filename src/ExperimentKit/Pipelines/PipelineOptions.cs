namespace ExperimentKit.Pipelines;

/// <summary>How a pipeline loads and batches.</summary>
/// <param name="BatchSize">
/// Inputs per forward pass. Each call sorts its inputs by token count and pads each batch only to its longest row
/// (dynamic padding), so a larger batch costs little padding; results come back in input order.
/// </param>
/// <param name="Revision">The hub cache revision of a hub id (a ref such as main, or a commit hash).</param>
/// <param name="Log">Where loading says what it did (the one-time import of an embedded model); nowhere by default.</param>
public sealed record PipelineOptions(int BatchSize = 8, string Revision = "main", Action<string>? Log = null)
{
    public static PipelineOptions Default { get; } = new();
}
