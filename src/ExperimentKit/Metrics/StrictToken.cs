namespace ExperimentKit.Metrics;

/// <summary>A tag as seqeval.scheme.Token reads it: the prefix letter, and the rest without its dashes as the type.</summary>
internal readonly record struct StrictToken(char Prefix, string Type)
{
    /// <summary>The O that stands before the first tag and after the last one.</summary>
    public static readonly StrictToken Outside = new('O', "_");
}
