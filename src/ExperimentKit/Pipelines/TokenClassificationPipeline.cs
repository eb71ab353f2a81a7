using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' token-classification (alias ner) over a ForTokenClassification model: each token's label
/// probabilities (softmax), aggregated by <see cref="AggregationStrategy"/>, with character offsets into the text;
/// results whose label is ignored ("O" by default) are left out.
/// </summary>
public sealed class TokenClassificationPipeline : Pipeline
{
    private static readonly string[] DefaultIgnoredLabels = ["O"];

    public TokenClassificationPipeline(string model, PipelineOptions? options = null)
        : base(PipelineTask.TokenClassification, model, options)
    {
    }

    /// <param name="ignoreLabels">Labels (none) or entity types (grouped) to leave out; null: ["O"].</param>
    public IReadOnlyList<IReadOnlyList<TokenEntity>> Predict(
        IReadOnlyList<string> texts, AggregationStrategy aggregation = AggregationStrategy.None, IReadOnlyCollection<string>? ignoreLabels = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ignored = ignoreLabels ?? DefaultIgnoredLabels;
        var encodings = Encode(texts);
        var outputs = Model.Run([.. encodings.Select(ModelRow.Of)], Options.BatchSize);
        return [.. texts.Select((text, i) => (IReadOnlyList<TokenEntity>)
            [.. EntityAggregation.Aggregate(PreEntities(text, encodings[i], outputs[i]), aggregation, Label).Where(e => !ignored.Contains(e.Entity))])];
    }

    /// <summary>
    /// gather_pre_entities with a fast WordPiece tokenizer: special tokens skipped; a token is a subword when its text
    /// is longer than its span of the input (the "##"); an [UNK] token shows the input's text and starts a word.
    /// </summary>
    private List<PreEntity> PreEntities(string text, Encoding encoding, RowOutput output)
    {
        var tokens = new List<PreEntity>();
        for (var i = 0; i < encoding.Length; i++)
        {
            if (encoding.SpecialTokensMask[i] == 1)
            {
                continue;
            }

            var (start, end) = encoding.Offsets[i];
            var original = text[start..end];
            var id = encoding.InputIds[i];
            var isUnknown = id == Tokenizer.Vocabulary.UnknownId;
            var word = isUnknown ? original : Tokenizer.Vocabulary.GetToken(id);
            var isSubword = !isUnknown && CodePoints(word) != CodePoints(original);
            tokens.Add(new PreEntity(word, Probabilities.Softmax(output.Row(i)), start, end, i, isSubword));
        }

        return tokens;
    }

    /// <summary>Python's len(): code points, not UTF-16 units.</summary>
    private static int CodePoints(string text) => text.EnumerateRunes().Count();
}
