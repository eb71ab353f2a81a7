namespace ExperimentKit.Metrics;

/// <summary>
/// seqeval's default-mode chunking (get_entities with end_of_chunk / start_of_chunk), which follows conlleval: it
/// reads IOB1, IOB2, IOE and IOBES tags alike and is lenient, so an entity may open with I- or E-.
/// </summary>
internal static class ConllChunks
{
    public static IReadOnlyList<Entity> Of(IReadOnlyList<string> tags)
    {
        var chunks = new List<Entity>();
        var previousPrefix = 'O';
        var previousType = "";
        var begin = 0;
        for (var i = 0; i <= tags.Count; i++)
        {
            // One O past the end closes a chunk that is still open.
            var (prefix, type) = i < tags.Count ? Split(tags[i]) : ('O', "_");
            if (EndsChunk(previousPrefix, prefix, previousType, type))
            {
                chunks.Add(new Entity(previousType, begin, i - 1));
            }

            if (StartsChunk(previousPrefix, prefix, previousType, type))
            {
                begin = i;
            }

            previousPrefix = prefix;
            previousType = type;
        }

        return chunks;
    }

    // As seqeval: the first character is the prefix, the type is what follows the first '-' after it ("_" when
    // nothing does). Tags that fit no scheme get no error, only seqeval's warning, so they are read the same way.
    private static (char Prefix, string Type) Split(string tag)
    {
        if (tag.Length == 0)
        {
            throw new ArgumentException("An empty tag has no prefix; use O for tokens outside every entity.");
        }

        var rest = tag[1..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        var type = dash < 0 ? rest : rest[(dash + 1)..];
        return (tag[0], type.Length == 0 ? "_" : type);
    }

    // A chunk ends after E- or S-, before a B-, S- or O that follows B- or I-, and whenever the type changes
    // (O and conlleval's '.' carry no chunk to end).
    private static bool EndsChunk(char previous, char current, string previousType, string type) =>
        previous is 'E' or 'S'
        || (previous is ('B' or 'I') && current is ('B' or 'S' or 'O'))
        || (previous is not ('O' or '.') && previousType != type);

    // A chunk starts at B- or S-, at I- or E- that follows O, E- or S-, and whenever the type changes.
    private static bool StartsChunk(char previous, char current, string previousType, string type) =>
        current is 'B' or 'S'
        || (previous is ('O' or 'E' or 'S') && current is ('I' or 'E'))
        || (current is not ('O' or '.') && previousType != type);
}
