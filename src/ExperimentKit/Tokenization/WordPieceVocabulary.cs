using System.Collections.Frozen;

namespace ExperimentKit.Tokenization;

/// <summary>
/// A BERT vocab.txt: one token per line, id = line index. Lookups take spans so that WordPiece
/// never allocates a substring; continuation pieces ("##x") are also indexed without their prefix.
/// </summary>
public sealed class WordPieceVocabulary
{
    public const string ContinuationPrefix = "##";
    public const string PadToken = "[PAD]";
    public const string UnknownToken = "[UNK]";
    public const string ClassifierToken = "[CLS]";
    public const string SeparatorToken = "[SEP]";
    public const string MaskToken = "[MASK]";

    /// <summary>BERT's special tokens, which a saved tokenizer lists as added tokens (never split, never normalized).</summary>
    public static IReadOnlyList<string> SpecialTokens { get; } = [PadToken, UnknownToken, ClassifierToken, SeparatorToken, MaskToken];

    private readonly string[] _tokens;
    private readonly FrozenDictionary<string, int> _ids;

    /// <param name="locate">Names where the token with a given id was read, for error messages.</param>
    private WordPieceVocabulary(string[] tokens, string source, Func<int, string> locate)
    {
        _tokens = tokens;
        var ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        var continuations = new List<(string, int)>();
        for (int id = 0; id < tokens.Length; id++)
        {
            string token = tokens[id];
            if (token.Length == 0)
            {
                throw new InvalidDataException($"{locate(id)}: empty token.");
            }

            if (!ids.TryAdd(token, id))
            {
                throw new InvalidDataException(
                    $"{locate(id)}: duplicate token '{token}' (first at {locate(ids[token])}).");
            }

            if (token.Length > ContinuationPrefix.Length && token.StartsWith(ContinuationPrefix, StringComparison.Ordinal))
            {
                string suffix = token[ContinuationPrefix.Length..];
                continuations.Add((suffix, id));
                MaxContinuationLength = Math.Max(MaxContinuationLength, suffix.Length);
            }

            MaxWordLength = Math.Max(MaxWordLength, token.Length);
        }

        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal);
        Words = new PieceTable([.. ids.Select(pair => (pair.Key, pair.Value))]);
        Continuations = new PieceTable(continuations);
        PadId = Require(PadToken, source);
        UnknownId = Require(UnknownToken, source);
        ClassifierId = Require(ClassifierToken, source);
        SeparatorId = Require(SeparatorToken, source);
        MaskId = Require(MaskToken, source);
    }

    public int Count => _tokens.Length;

    public int PadId { get; }

    public int UnknownId { get; }

    public int ClassifierId { get; }

    public int SeparatorId { get; }

    public int MaskId { get; }

    /// <summary>Tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Longest token, in UTF-16 chars: WordPiece never needs to try a longer piece.</summary>
    internal int MaxWordLength { get; }

    /// <summary>Longest continuation piece without its "##".</summary>
    internal int MaxContinuationLength { get; }

    /// <summary>Whole-word pieces (every token, as WordPiece matches at the start of a word).</summary>
    internal PieceTable Words { get; }

    /// <summary>Continuation pieces keyed without their "##", so "##" + suffix is never built.</summary>
    internal PieceTable Continuations { get; }

    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">An empty or repeated line, or a missing special token.</exception>
    public static WordPieceVocabulary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Vocabulary file not found: {path}", path);
        }

        // ReadAllLines strips a BOM and accepts LF and CRLF; a final line break does not make an empty token.
        return new WordPieceVocabulary(File.ReadAllLines(path), path, id => $"{path}, line {id + 1}");
    }

    public static WordPieceVocabulary FromTokens(IEnumerable<string> tokens) => FromTokens(tokens, "vocabulary");

    /// <param name="source">Where the tokens come from, for error messages; a token is named by its id there.</param>
    public static WordPieceVocabulary FromTokens(IEnumerable<string> tokens, string source)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(source);
        return new WordPieceVocabulary([.. tokens], source, id => $"{source}, id {id}");
    }

    public bool TryGetId(ReadOnlySpan<char> token, out int id) => Words.TryGet(token, PieceTable.Hash(token), out id);

    /// <exception cref="KeyNotFoundException">The token is not in the vocabulary.</exception>
    public int GetId(string token) => _ids[token];

    public string GetToken(int id) => _tokens[id];

    private int Require(string token, string source) =>
        _ids.TryGetValue(token, out int id)
            ? id
            : throw new InvalidDataException($"{source}: the special token {token} is missing.");
}
