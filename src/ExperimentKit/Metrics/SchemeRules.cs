using ExperimentKit.Schema.Model;
namespace ExperimentKit.Metrics;

/// <summary>
/// A tagging scheme's rules as seqeval.scheme states them: the prefixes it allows, and the patterns where an entity
/// starts, continues, and has properly ended (an entity that stops without a proper end is no entity in strict mode).
/// </summary>
internal sealed record SchemeRules(TagScheme Scheme, string Allowed, IReadOnlyList<ChunkPattern> Starts, IReadOnlyList<ChunkPattern> Inside, IReadOnlyList<ChunkPattern> Ends)
{
    private const string AnyPrefix = "IOBES";

    private static readonly SchemeRules Iob1 = new(
        TagScheme.Iob1,
        "IOB",
        [new("O", "I", TypeMatch.Any), new("I", "I", TypeMatch.Different), new("B", "I", TypeMatch.Any), new("I", "B", TypeMatch.Same), new("B", "B", TypeMatch.Same)],
        [new("B", "I", TypeMatch.Same), new("I", "I", TypeMatch.Same)],
        [new("I", "I", TypeMatch.Different), new("I", "O", TypeMatch.Any), new("I", "B", TypeMatch.Any), new("B", "O", TypeMatch.Any), new("B", "I", TypeMatch.Different), new("B", "B", TypeMatch.Same)]);

    private static readonly SchemeRules Iob2 = new(
        TagScheme.Iob2,
        "IOB",
        [new(AnyPrefix, "B", TypeMatch.Any)],
        [new("B", "I", TypeMatch.Same), new("I", "I", TypeMatch.Same)],
        [new("I", "O", TypeMatch.Any), new("I", "I", TypeMatch.Different), new("I", "B", TypeMatch.Any), new("B", "O", TypeMatch.Any), new("B", "I", TypeMatch.Different), new("B", "B", TypeMatch.Any)]);

    private static readonly SchemeRules Iobes = new(
        TagScheme.Iobes,
        "IOBES",
        [new(AnyPrefix, "B", TypeMatch.Any), new(AnyPrefix, "S", TypeMatch.Any)],
        [new("B", "I", TypeMatch.Same), new("B", "E", TypeMatch.Same), new("I", "I", TypeMatch.Same), new("I", "E", TypeMatch.Same)],
        [new("S", AnyPrefix, TypeMatch.Any), new("E", AnyPrefix, TypeMatch.Any)]);

    public static SchemeRules For(TagScheme scheme) => scheme switch
    {
        TagScheme.Iob1 => Iob1,
        TagScheme.Iob2 => Iob2,
        TagScheme.Iobes => Iobes,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };

    /// <summary>Reads a tag; seqeval raises for a prefix the scheme does not allow, and so does this.</summary>
    public StrictToken Parse(string tag)
    {
        if (tag.Length == 0 || !Allowed.Contains(tag[0], StringComparison.Ordinal))
        {
            throw new ArgumentException($"The tag '{tag}' is not valid in {Scheme}: its prefix must be one of {string.Join(", ", Allowed.ToCharArray())}.");
        }

        var type = tag[1..].Trim('-');
        return new StrictToken(tag[0], type.Length == 0 ? "_" : type);
    }

    public bool IsStart(StrictToken previous, StrictToken current) => Starts.Any(pattern => pattern.Matches(previous, current));

    public bool IsInside(StrictToken previous, StrictToken current) => Inside.Any(pattern => pattern.Matches(previous, current));

    public bool IsEnd(StrictToken previous, StrictToken current) => Ends.Any(pattern => pattern.Matches(previous, current));
}
