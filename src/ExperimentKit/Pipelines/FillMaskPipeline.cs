using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' fill-mask over a ForMaskedLM model: the vocabulary's softmax at each [MASK] of a text, the top_k
/// tokens with their probabilities and the text decoded with each in place.
/// </summary>
public sealed class FillMaskPipeline : Pipeline
{
    public const int DefaultTopK = 5;

    public FillMaskPipeline(string model, PipelineOptions? options = null)
        : base(PipelineTask.FillMask, model, options)
    {
    }

    /// <summary>Per text, per [MASK] in order, the best <paramref name="topK"/> tokens, best first.</summary>
    /// <exception cref="ArgumentException">A text without [MASK].</exception>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<MaskFill>>> Fill(IReadOnlyList<string> texts, int topK = DefaultTopK)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var encodings = Encode(texts);
        var maskId = Tokenizer.Vocabulary.MaskId;
        for (var i = 0; i < texts.Count; i++)
        {
            if (!encodings[i].InputIds.Contains(maskId))
            {
                throw new ArgumentException($"No mask_token ({WordPieceVocabulary.MaskToken}) found on the input: '{texts[i]}'.", nameof(texts));
            }
        }

        var outputs = Model.Run([.. encodings.Select(ModelRow.Of)], Options.BatchSize);
        return [.. encodings.Select((encoding, i) => Candidates(encoding.InputIds, outputs[i], topK))];
    }

    private IReadOnlyList<IReadOnlyList<MaskFill>> Candidates(int[] ids, RowOutput logits, int topK)
    {
        var masks = Enumerable.Range(0, ids.Length).Where(t => ids[t] == Tokenizer.Vocabulary.MaskId).ToArray();
        return [.. masks.Select(position =>
        {
            var probabilities = Probabilities.Softmax(logits.Row(position));
            var best = Enumerable.Range(0, probabilities.Length).OrderByDescending(token => probabilities[token]).Take(topK);
            return (IReadOnlyList<MaskFill>)[.. best.Select(token => Filled(ids, position, token, probabilities[token], singleMask: masks.Length == 1))];
        })];
    }

    /// <summary>
    /// The sequence with the token in place; with one mask special tokens are left out, with several they stay so the
    /// other masks remain visible (transformers' choice).
    /// </summary>
    private MaskFill Filled(int[] ids, int position, int token, float score, bool singleMask)
    {
        var filled = (int[])ids.Clone();
        filled[position] = token;
        var vocabulary = Tokenizer.Vocabulary;
        return new MaskFill(
            score,
            token,
            WordPieceDecoder.Decode(vocabulary, [token], skipSpecialTokens: false),
            WordPieceDecoder.Decode(vocabulary, filled.Where(id => id != vocabulary.PadId), skipSpecialTokens: singleMask));
    }
}
