namespace ExperimentKit.Metrics;

/// <summary>The tagging schemes seqeval's strict mode checks entities against (seqeval.scheme's IOB1, IOB2, IOBES).</summary>
public enum TagScheme
{
    /// <summary>I- opens an entity; B- only separates two adjacent entities of the same type.</summary>
    Iob1,

    /// <summary>Every entity opens with B-.</summary>
    Iob2,

    /// <summary>B- opens, I- continues, E- closes a multi-token entity; S- is a one-token entity.</summary>
    Iobes,
}
