using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Hugging Face BertTokenizerFast semantics: special tokens written in the text are kept whole,
/// the rest goes through <see cref="BasicTokenizer"/> and <see cref="WordPiece"/>, then truncation and
/// [CLS] A [SEP] (B [SEP]). Immutable, so one instance can serve any number of threads.
/// </summary>
public sealed class BertTokenizer
{
    // Per-thread scratch keeps Encode free of shared mutable state and of per-call buffer allocations.
    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly (string Text, int Id)[] _specialTokens;

    public BertTokenizer(WordPieceVocabulary vocabulary, BasicTokenizer? basicTokenizer = null, int maxInputCharsPerWord = 100)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        Basic = basicTokenizer ?? new BasicTokenizer();
        WordPiece = new WordPiece(vocabulary, maxInputCharsPerWord);
        _specialTokens =
        [
            (WordPieceVocabulary.PadToken, vocabulary.PadId),
            (WordPieceVocabulary.UnknownToken, vocabulary.UnknownId),
            (WordPieceVocabulary.ClassifierToken, vocabulary.ClassifierId),
            (WordPieceVocabulary.SeparatorToken, vocabulary.SeparatorId),
            (WordPieceVocabulary.MaskToken, vocabulary.MaskId),
        ];
    }

    public WordPieceVocabulary Vocabulary { get; }

    public BasicTokenizer Basic { get; }

    public WordPiece WordPiece { get; }

    public static BertTokenizer FromVocabFile(string path, bool doLowerCase = true, bool? stripAccents = null) =>
        new(WordPieceVocabulary.Load(path), new BasicTokenizer(doLowerCase, stripAccents));

    /// <summary>Encodes a text or a text pair (HF tokenizer(text, text_pair, ...)).</summary>
    /// <exception cref="ArgumentException">The length limit leaves no room, or only_first/only_second cannot cut enough.</exception>
    public Encoding Encode(string text, string? pair = null, EncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= EncodeOptions.Default;
        Scratch scratch = t_scratch ??= new Scratch();
        TokenizeInto(text, scratch.Words, scratch.First);
        TokenSequence? second = null;
        if (pair is not null)
        {
            second = scratch.Second;
            TokenizeInto(pair, scratch.Words, second);
        }

        int added = !options.AddSpecialTokens ? 0 : pair is null ? 2 : 3;
        int budget = options.EffectiveMaxLength - added;
        if (options.Truncation != TruncationStrategy.DoNotTruncate && budget < 0)
        {
            throw new ArgumentException(
                $"max_length {options.EffectiveMaxLength} leaves no room for the {added} special tokens.", nameof(options));
        }

        PairTruncation.Apply(scratch.First, second, budget, options.Truncation);
        return Assemble(scratch.First, second, options.AddSpecialTokens);
    }

    /// <summary>Encodes many texts (and optionally their pairs, index by index) in parallel; results keep the input order.</summary>
    public Encoding[] EncodeBatch(IReadOnlyList<string> texts, IReadOnlyList<string>? pairs = null, EncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (pairs is not null && pairs.Count != texts.Count)
        {
            throw new ArgumentException($"{texts.Count} texts but {pairs.Count} pairs.", nameof(pairs));
        }

        var result = new Encoding[texts.Count];
        Parallel.For(0, texts.Count, i => result[i] = Encode(texts[i], pairs?[i], options));
        return result;
    }

    /// <summary>The tokens of a text without special tokens (HF tokenizer.tokenize).</summary>
    public IReadOnlyList<string> Tokenize(string text) =>
        ConvertIdsToTokens(Encode(text, options: new EncodeOptions(AddSpecialTokens: false, Truncation: TruncationStrategy.DoNotTruncate)).InputIds);

    public IReadOnlyList<string> ConvertIdsToTokens(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return [.. ids.Select(Vocabulary.GetToken)];
    }

    private void TokenizeInto(string text, NormalizedWords words, TokenSequence output)
    {
        words.Clear();
        output.Clear();
        SplitSpecialTokens(text, words);
        ReadOnlySpan<char> chars = words.Chars;
        ReadOnlySpan<int> starts = words.OriginStarts;
        ReadOnlySpan<int> ends = words.OriginEnds;
        ReadOnlySpan<NormalizedWords.Word> list = words.Words;
        for (int w = 0; w < list.Length; w++)
        {
            NormalizedWords.Word word = list[w];
            if (word.SpecialId >= 0)
            {
                output.Add(word.SpecialId, word.OriginStart, word.OriginEnd, w);
                continue;
            }

            WordPiece.Tokenize(
                chars[word.Start..word.End], starts[word.Start..word.End], ends[word.Start..word.End], w, output);
        }
    }

    /// <summary>
    /// Special tokens typed in the text ("[SEP]", "[MASK]") stay whole, wherever they occur, as both HF
    /// tokenizers do (the added-token split runs before normalization); the text around them is normalized.
    /// </summary>
    private void SplitSpecialTokens(string text, NormalizedWords words)
    {
        int segmentStart = 0;
        int search = 0;
        while (search < text.Length)
        {
            int open = text.IndexOf('[', search);
            if (open < 0)
            {
                break;
            }

            int id = MatchSpecial(text.AsSpan(open), out int length);
            if (id < 0)
            {
                search = open + 1;
                continue;
            }

            Basic.Split(text.AsSpan(segmentStart, open - segmentStart), segmentStart, words);
            words.AddSpecial(id, open, open + length);
            segmentStart = search = open + length;
        }

        Basic.Split(text.AsSpan(segmentStart), segmentStart, words);
    }

    private int MatchSpecial(ReadOnlySpan<char> text, out int length)
    {
        foreach ((string token, int id) in _specialTokens)
        {
            if (text.StartsWith(token, StringComparison.Ordinal))
            {
                length = token.Length;
                return id;
            }
        }

        length = 0;
        return -1;
    }

    private Encoding Assemble(TokenSequence first, TokenSequence? second, bool addSpecialTokens)
    {
        int secondCount = second?.Count ?? 0;
        int added = !addSpecialTokens ? 0 : second is null ? 2 : 3;
        int length = first.Count + secondCount + added;
        var ids = new int[length];
        var types = new int[length];
        var attention = new int[length];
        var special = new int[length];
        var offsets = new (int Start, int End)[length];
        var wordIds = new int?[length];
        var sequenceIds = new int?[length];
        attention.AsSpan().Fill(1);

        int at = 0;
        if (addSpecialTokens)
        {
            ids[at] = Vocabulary.ClassifierId;
            special[at++] = 1;
        }

        at = Copy(first, 0, at, ids, types, offsets, wordIds, sequenceIds);
        if (addSpecialTokens)
        {
            ids[at] = Vocabulary.SeparatorId;
            special[at++] = 1;
        }

        if (second is not null)
        {
            at = Copy(second, 1, at, ids, types, offsets, wordIds, sequenceIds);
            if (addSpecialTokens)
            {
                ids[at] = Vocabulary.SeparatorId;
                types[at] = 1;
                special[at] = 1;
            }
        }

        return new Encoding(ids, types, attention, special, offsets, wordIds, sequenceIds);
    }

    private static int Copy(
        TokenSequence source, int sequenceId, int at, int[] ids, int[] types, (int, int)[] offsets, int?[] wordIds, int?[] sequenceIds)
    {
        source.Ids.CopyTo(ids.AsSpan(at));
        types.AsSpan(at, source.Count).Fill(sequenceId);
        sequenceIds.AsSpan(at, source.Count).Fill(sequenceId);
        for (int i = 0; i < source.Count; i++)
        {
            offsets[at + i] = (source.Starts[i], source.Ends[i]);
            wordIds[at + i] = source.WordIds[i];
        }

        return at + source.Count;
    }

    private sealed class Scratch
    {
        public NormalizedWords Words { get; } = new();

        public TokenSequence First { get; } = new();

        public TokenSequence Second { get; } = new();
    }
}
