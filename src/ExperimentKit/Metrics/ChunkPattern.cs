namespace ExperimentKit.Metrics;

/// <summary>Whether two neighbouring tokens must share a type for a <see cref="ChunkPattern"/> to match.</summary>
internal enum TypeMatch
{
    Any,
    Same,
    Different,
}

/// <summary>
/// One of seqeval.scheme's (previous prefix, current prefix, type condition) rules: it matches when the previous
/// token's prefix is one of <paramref name="Previous"/>, the current one's is one of <paramref name="Current"/>, and
/// their types meet <paramref name="Types"/>.
/// </summary>
internal sealed record ChunkPattern(string Previous, string Current, TypeMatch Types)
{
    public bool Matches(StrictToken previous, StrictToken current) =>
        Previous.Contains(previous.Prefix, StringComparison.Ordinal)
        && Current.Contains(current.Prefix, StringComparison.Ordinal)
        && Types switch
        {
            TypeMatch.Same => previous.Type == current.Type,
            TypeMatch.Different => previous.Type != current.Type,
            _ => true,
        };
}
