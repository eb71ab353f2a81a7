using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Hugging Face BertTokenizerFast semantics: special tokens written in the text are kept whole,
/// the rest goes through <see cref="BasicTokenizer"/> and <see cref="WordPiece"/>, then truncation (with overflow
/// windows), [CLS] A [SEP] (B [SEP]) and padding. One instance can serve any number of threads.
/// </summary>
public sealed class BertTokenizer
{
    // Per-thread scratch keeps Encode free of shared mutable state and of per-call buffer allocations.
    [ThreadStatic]
    private static Scratch? t_scratch;

    public const string VocabFileName = "vocab.txt";

    private readonly (string Text, int Id)[] _specialTokens;

    // Set once the too-long warning has been given: Hugging Face warns once per tokenizer, not per text.
    private int _warnedTooLong;

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

    /// <summary>model_max_length: the limit when a call gives no max_length.</summary>
    public int ModelMaxLength { get; init; } = EncodeOptions.ModelMaxLength;

    /// <summary>
    /// Where the one-time "sequence longer than the model maximum" warning goes (Hugging Face logs it once per
    /// tokenizer); standard error unless replaced.
    /// </summary>
    public Action<string> Warning { get; set; } = Console.Error.WriteLine;

    public static BertTokenizer FromVocabFile(string path, bool doLowerCase = true, bool? stripAccents = null) =>
        new(WordPieceVocabulary.Load(path), new BasicTokenizer(doLowerCase, stripAccents));

    /// <summary>A Hugging Face tokenizer.json of the BERT WordPiece form.</summary>
    /// <exception cref="InvalidDataException">Malformed or unsupported; the message names the file and the line or JSON path.</exception>
    public static BertTokenizer FromTokenizerJson(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? TokenizerJsonReader.Read(path, EncodeOptions.ModelMaxLength)
            : throw new FileNotFoundException($"Tokenizer file not found: {path}", path);
    }

    /// <summary>
    /// A Hugging Face model or tokenizer folder, as AutoTokenizer loads it: tokenizer.json when present, else
    /// vocab.txt with the settings of tokenizer_config.json; model_max_length comes from tokenizer_config.json.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">Neither tokenizer.json nor vocab.txt is in it.</exception>
    /// <exception cref="InvalidDataException">A file is malformed; the message names it and the line or JSON path.</exception>
    public static BertTokenizer FromPretrainedFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Tokenizer folder not found: {folder}");
        }

        string configPath = Path.Combine(folder, TokenizerConfigFile.FileName);
        TokenizerConfigFile config = File.Exists(configPath) ? TokenizerConfigFile.Read(configPath) : new TokenizerConfigFile();
        string jsonPath = Path.Combine(folder, TokenizerJsonWriter.FileName);
        string vocabPath = Path.Combine(folder, VocabFileName);
        return File.Exists(jsonPath) ? TokenizerJsonReader.Read(jsonPath, config.ModelMaxLength)
            : File.Exists(vocabPath) ? new BertTokenizer(
                WordPieceVocabulary.Load(vocabPath),
                new BasicTokenizer(config.DoLowerCase, config.StripAccents, config.TokenizeChineseChars))
            {
                ModelMaxLength = config.ModelMaxLength,
            }
            : throw new FileNotFoundException(
                $"No tokenizer in {folder}: expected {TokenizerJsonWriter.FileName} or {VocabFileName}.", jsonPath);
    }

    /// <summary>Encodes a text or a text pair (HF tokenizer(text, text_pair, ...)).</summary>
    /// <exception cref="ArgumentException">
    /// The length limit leaves no room, only_first/only_second cannot cut enough, or the stride is not shorter than a window.
    /// </exception>
    public Encoding Encode(string text, string? pair = null, EncodeOptions? options = null)
    {
        options ??= EncodeOptions.Default;
        Encoding encoding = EncodeUnpadded(text, pair, options);
        return PaddingLength.Target(options, encoding.Length, MaxLengthOf(options)) is int length
            ? encoding.Pad(length, Vocabulary.PadId, options.PaddingSide)
            : encoding;
    }

    /// <summary>
    /// Encodes many texts (and optionally their pairs, index by index) in parallel; results keep the input order.
    /// Padding "longest" pads to the longest encoding of the whole batch.
    /// </summary>
    public Encoding[] EncodeBatch(IReadOnlyList<string> texts, IReadOnlyList<string>? pairs = null, EncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (pairs is not null && pairs.Count != texts.Count)
        {
            throw new ArgumentException($"{texts.Count} texts but {pairs.Count} pairs.", nameof(pairs));
        }

        options ??= EncodeOptions.Default;
        var result = new Encoding[texts.Count];
        Parallel.For(0, texts.Count, i => result[i] = EncodeUnpadded(texts[i], pairs?[i], options));
        int longest = result.Length == 0 ? 0 : result.Max(e => e.Length);
        if (PaddingLength.Target(options, longest, MaxLengthOf(options)) is int length)
        {
            Parallel.For(0, result.Length, i => result[i] = result[i].Pad(length, Vocabulary.PadId, options.PaddingSide));
        }

        return result;
    }

    /// <summary>
    /// Only input_ids and token_type_ids, written to the caller's buffers without allocating: the same ids and
    /// truncation as <see cref="Encode"/>, for callers (dataset tokenization) that need nothing else.
    /// </summary>
    /// <returns>The number of tokens written.</returns>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Encode"/>; also when the options ask for padding or overflow windows, or a buffer is too short.
    /// </exception>
    public int EncodeIds(string text, string? pair, EncodeOptions? options, Span<int> inputIds, Span<int> tokenTypeIds)
    {
        options = IdsOnly(options);
        return WriteIds(TokenizeAndTruncate(text, pair, options), options.AddSpecialTokens, inputIds, tokenTypeIds);
    }

    /// <summary><see cref="EncodeIds(string, string?, EncodeOptions?, Span{int}, Span{int})"/> into new arrays of the exact length.</summary>
    public EncodedIds EncodeIds(string text, string? pair = null, EncodeOptions? options = null)
    {
        options = IdsOnly(options);
        TruncatedPair tokens = TokenizeAndTruncate(text, pair, options);
        int length = tokens.Length(options.AddSpecialTokens);
        var ids = new int[length];
        var types = new int[length];
        WriteIds(tokens, options.AddSpecialTokens, ids, types);
        return new EncodedIds(ids, types);
    }

    /// <summary>
    /// Encodes a sentence given as words (HF tokenizer(words, is_split_into_words=True)): each word is normalized and
    /// pre-tokenized on its own, so punctuation can still split it ("U.S." gives several tokens), and every token
    /// carries its word's index; a word that normalizes to nothing (empty, or only control characters) gives no token.
    /// Then truncation and [CLS] ... [SEP], as for <see cref="Encode"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// As for <see cref="EncodeIds(string, string?, EncodeOptions?)"/>: no room for the special tokens, or padding or
    /// overflow windows asked for.
    /// </exception>
    public EncodedWords EncodeWords(IReadOnlyList<string> words, EncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        options = IdsOnly(options);
        Scratch scratch = t_scratch ??= new Scratch();
        TokenSequence tokens = scratch.First;
        tokens.Clear();
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i] ?? throw new ArgumentException($"Word {i} is null.", nameof(words));
            TokenizeInto(word, scratch.Words, tokens, scratch.Splits, i);
        }

        TruncatedPair kept = Truncate(tokens, null, options);
        // The post-processor that lays out [CLS] A [SEP] for Encode also lays out the word ids: one place for both.
        Encoding encoding = EncodingAssembler.Assemble(Vocabulary, tokens, (0, kept.KeepFirst), null, default, options.AddSpecialTokens);
        return new EncodedWords(encoding.InputIds, encoding.TokenTypeIds, encoding.WordIds);
    }

    /// <summary>
    /// <see cref="EncodeBatch"/> laid out as a Hugging Face fast tokenizer returns it: with
    /// return_overflowing_tokens every window is a row, and overflow_to_sample_mapping names its input.
    /// </summary>
    public BatchEncoding EncodeBatchWithOverflow(
        IReadOnlyList<string> texts, IReadOnlyList<string>? pairs = null, EncodeOptions? options = null) =>
        BatchEncoding.Flatten(EncodeBatch(texts, pairs, options));

    /// <summary>The tokens of a text without special tokens (HF tokenizer.tokenize).</summary>
    public IReadOnlyList<string> Tokenize(string text) =>
        ConvertIdsToTokens(Encode(text, options: new EncodeOptions(AddSpecialTokens: false, Truncation: TruncationStrategy.DoNotTruncate)).InputIds);

    public IReadOnlyList<string> ConvertIdsToTokens(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return [.. ids.Select(Vocabulary.GetToken)];
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>.</summary>
    /// <param name="wordIndex">
    /// The word id of every token, for a text that is one word of a pre-split sentence; null: each pre-token's own index.
    /// </param>
    private void TokenizeInto(string text, NormalizedWords words, TokenSequence output, WordSplitCache cache, int? wordIndex = null)
    {
        cache.Bind(WordPiece);
        words.Clear();
        SplitSpecialTokens(text, words);
        ReadOnlySpan<char> chars = words.Chars;
        ReadOnlySpan<int> starts = words.OriginStarts;
        ReadOnlySpan<int> ends = words.OriginEnds;
        ReadOnlySpan<NormalizedWords.Word> list = words.Words;
        for (int w = 0; w < list.Length; w++)
        {
            NormalizedWords.Word word = list[w];
            int wordId = wordIndex ?? w;
            if (word.SpecialId >= 0)
            {
                output.Add(word.SpecialId, word.OriginStart, word.OriginEnd, wordId);
                continue;
            }

            WordPiece.Tokenize(
                chars[word.Start..word.End], starts[word.Start..word.End], ends[word.Start..word.End], wordId, output, cache);
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

    private int MaxLengthOf(EncodeOptions options) => options.MaxLength ?? ModelMaxLength;

    private Encoding EncodeUnpadded(string text, string? pair, EncodeOptions options)
    {
        TruncatedPair tokens = TokenizeAndTruncate(text, pair, options);
        return options.ReturnOverflowingTokens
            ? WithOverflow(tokens.First, tokens.KeepFirst, tokens.Second, tokens.KeepSecond, options)
            : EncodingAssembler.Assemble(
                Vocabulary, tokens.First, (0, tokens.KeepFirst), tokens.Second, (0, tokens.KeepSecond), options.AddSpecialTokens);
    }

    /// <summary>Tokenizes into this thread's scratch sequences (valid until its next call) and applies truncation.</summary>
    private TruncatedPair TokenizeAndTruncate(string text, string? pair, EncodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        Scratch scratch = t_scratch ??= new Scratch();
        TokenSequence first = scratch.First;
        first.Clear();
        TokenizeInto(text, scratch.Words, first, scratch.Splits);
        TokenSequence? second = null;
        if (pair is not null)
        {
            second = scratch.Second;
            second.Clear();
            TokenizeInto(pair, scratch.Words, second, scratch.Splits);
        }

        return Truncate(first, second, options);
    }

    /// <summary>Applies the options' truncation to tokenized sequences, warning once if an untruncated one is too long.</summary>
    private TruncatedPair Truncate(TokenSequence first, TokenSequence? second, EncodeOptions options)
    {
        int maxLength = MaxLengthOf(options);
        int added = !options.AddSpecialTokens ? 0 : second is null ? 2 : 3;
        int budget = maxLength - added;
        if (options.Truncation != TruncationStrategy.DoNotTruncate && budget < 0)
        {
            throw new ArgumentException(
                $"max_length {maxLength} leaves no room for the {added} special tokens.", nameof(options));
        }

        (int keep1, int keep2) = PairTruncation.Keep(first.Count, second?.Count, budget, options.Truncation);
        var tokens = new TruncatedPair(first, keep1, second, keep2);
        int length = tokens.Length(options.AddSpecialTokens);
        if (options.Truncation == TruncationStrategy.DoNotTruncate && length > maxLength)
        {
            WarnTooLongOnce(length, maxLength);
        }

        return tokens;
    }

    /// <summary>
    /// Windows of each sequence combined as Rust's Encoding.merge_with does: every further window of the first with
    /// the second's kept window and then its further windows, then the first's kept window with each further window
    /// of the second (a pair under only_second: one row per window of the second).
    /// </summary>
    private Encoding WithOverflow(TokenSequence first, int keep1, TokenSequence? second, int keep2, EncodeOptions options)
    {
        var firstWindows = OverflowWindows.Split(first.Count, keep1, options.Stride);
        var secondWindows = second is null ? [(0, 0)] : OverflowWindows.Split(second.Count, keep2, options.Stride);
        var overflowing = new List<Encoding>();
        for (int i = 1; i < firstWindows.Count; i++)
        {
            foreach ((int, int) secondWindow in secondWindows)
            {
                overflowing.Add(EncodingAssembler.Assemble(Vocabulary, first, firstWindows[i], second, secondWindow, options.AddSpecialTokens));
            }
        }

        for (int j = 1; j < secondWindows.Count; j++)
        {
            overflowing.Add(EncodingAssembler.Assemble(Vocabulary, first, firstWindows[0], second, secondWindows[j], options.AddSpecialTokens));
        }

        return EncodingAssembler.Assemble(Vocabulary, first, firstWindows[0], second, secondWindows[0], options.AddSpecialTokens)
            with { Overflowing = overflowing };
    }

    private int WriteIds(TruncatedPair tokens, bool addSpecialTokens, Span<int> ids, Span<int> types) =>
        EncodingAssembler.WriteIds(
            Vocabulary, tokens.First, (0, tokens.KeepFirst), tokens.Second, (0, tokens.KeepSecond), addSpecialTokens, ids, types);

    private static EncodeOptions IdsOnly(EncodeOptions? options)
    {
        options ??= EncodeOptions.Default;
        return !options.ReturnOverflowingTokens && options.Padding == PaddingStrategy.DoNotPad
            ? options
            : throw new ArgumentException(
                "EncodeIds and EncodeWords give unpadded ids without overflow windows; use Encode for padding or return_overflowing_tokens.",
                nameof(options));
    }

    private void WarnTooLongOnce(int length, int maxLength)
    {
        if (Interlocked.Exchange(ref _warnedTooLong, 1) == 0)
        {
            Warning(
                $"Token indices sequence length is longer than the specified maximum sequence length for this model ({length} > {maxLength}). "
                + "Running this sequence through the model will result in indexing errors");
        }
    }

    private sealed class Scratch
    {
        public NormalizedWords Words { get; } = new();

        public TokenSequence First { get; } = new();

        public TokenSequence Second { get; } = new();

        public WordSplitCache Splits { get; } = new();
    }
}
