using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>
/// Hugging Face's DataCollatorForLanguageModeling with mlm=True (and, with whole-word masking,
/// DataCollatorForWholeWordMask): pads as <see cref="DataCollatorWithPadding"/> does, then chooses positions among the
/// tokens that are neither special nor padding, each with probability mlm_probability (or whole words, see
/// <see cref="WholeWordMask"/>). Labels hold the original id at a chosen position and -100 everywhere else; a chosen
/// input becomes [MASK] with probability 0.8, else a random id of the vocabulary with probability 0.5, else stays:
/// 80/10/10, drawn in Hugging Face's two steps. The examples' own labels are not read.
/// </summary>
/// <remarks>
/// The draws come from a generator seeded by the run's seed and the batch's <see cref="BatchPosition"/>
/// (<see cref="SplitMix64"/>), never from shared state: the same batch at the same position is masked the same in a
/// rerun or a resumed run, each epoch masks anew (dynamic masking), and every evaluation masks its batches alike.
/// </remarks>
public sealed class DataCollatorForLanguageModeling : IDataCollator
{
    private const long Ignored = -100;
    private const double MaskProbability = 0.8;
    private const double RandomOfTheRestProbability = 0.5;

    private readonly CollatorSpec _spec;
    private readonly int _padTokenId;
    private readonly int _maxLength;
    private readonly MaskingVocabulary _vocabulary;
    private readonly double _mlmProbability;
    private readonly bool _wholeWordMask;
    private readonly int _seed;

    /// <param name="seed">The run's seed: with the batch position, it fixes every draw.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mlmProbability"/> is outside [0, 1].</exception>
    public DataCollatorForLanguageModeling(
        CollatorSpec spec, int padTokenId, int maxLength, MaskingVocabulary vocabulary, double mlmProbability, bool wholeWordMask, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (mlmProbability is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(mlmProbability), mlmProbability, "mlm_probability must lie in [0, 1].");
        }

        _spec = spec;
        _padTokenId = padTokenId;
        _maxLength = maxLength;
        _vocabulary = vocabulary;
        _mlmProbability = mlmProbability;
        _wholeWordMask = wholeWordMask;
        _seed = seed;
    }

    /// <summary>
    /// The collator an experiment's collator, model, tokenizer and seed settings describe, masking with the
    /// tokenizer's vocabulary (<see cref="MaskingVocabulary.From"/>).
    /// </summary>
    public static DataCollatorForLanguageModeling For(ExperimentSpec spec, BertTokenizer tokenizer, double mlmProbability, bool wholeWordMask)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(tokenizer);
        return new DataCollatorForLanguageModeling(
            spec.Collator,
            spec.Model.PadTokenId,
            spec.Tokenizer.MaxLength,
            MaskingVocabulary.From(tokenizer.Vocabulary),
            mlmProbability,
            wholeWordMask,
            spec.Training.Seed);
    }

    /// <param name="position">Seeds the masking: the same position masks the same batch the same way.</param>
    public CollatedBatch Collate(IReadOnlyList<EncodedExample> examples, BatchPosition position)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var length = PaddedRows.PaddedLength(_spec, _maxLength, examples.Max(e => e.Length));
        var rows = new PaddedRows(examples.Count, length, _padTokenId);
        var labels = new long[examples.Count * length];
        labels.AsSpan().Fill(Ignored);
        var random = SplitMix64.For(_seed, position);
        var chosen = new bool[length];
        for (var row = 0; row < examples.Count; row++)
        {
            var ids = examples[row].InputIds;
            rows.Write(row, ids, examples[row].TokenTypeIds);
            Array.Clear(chosen);
            Choose(ids, random, chosen);
            var offset = row * length;
            for (var i = 0; i < ids.Length; i++)
            {
                if (chosen[i])
                {
                    labels[offset + i] = ids[i];
                    rows.InputIds[offset + i] = Replacement(ids[i], random);
                }
            }
        }

        return rows.ToBatch(
            [examples.Count, length], _spec.ReturnTokenTypeIds, tensor(labels, [examples.Count, length], ScalarType.Int64));
    }

    private void Choose(ReadOnlySpan<int> ids, SplitMix64 random, Span<bool> chosen)
    {
        if (_wholeWordMask)
        {
            WholeWordMask.Choose(ids, _vocabulary, _mlmProbability, random, chosen);
            return;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            chosen[i] = !_vocabulary.IsSpecial(ids[i]) && random.Bernoulli(_mlmProbability);
        }
    }

    private int Replacement(int original, SplitMix64 random) =>
        random.Bernoulli(MaskProbability) ? _vocabulary.MaskId
        : random.Bernoulli(RandomOfTheRestProbability) ? random.NextInt(_vocabulary.Size)
        : original;
}
