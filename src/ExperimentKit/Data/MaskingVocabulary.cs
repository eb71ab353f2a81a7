using ExperimentKit.Tokenization;

namespace ExperimentKit.Data;

/// <summary>
/// What masked-LM masking needs to know of a vocabulary: the [MASK] id, the special ids that are never chosen, which
/// ids are "##" continuation pieces (whole-word masking keeps them with their word) and its size, below which random
/// replacements are drawn (torch.randint(len(tokenizer))).
/// </summary>
public sealed class MaskingVocabulary
{
    private readonly bool[] _special;
    private readonly bool[] _continuation;

    /// <param name="isContinuation">One flag per id of the vocabulary: whether the token continues a word ("##ing").</param>
    /// <exception cref="ArgumentOutOfRangeException">An id outside the vocabulary.</exception>
    public MaskingVocabulary(int maskId, IEnumerable<int> specialIds, IReadOnlyList<bool> isContinuation)
    {
        ArgumentNullException.ThrowIfNull(specialIds);
        ArgumentNullException.ThrowIfNull(isContinuation);
        _continuation = [.. isContinuation];
        _special = new bool[_continuation.Length];
        int[] special = [.. specialIds];
        foreach (var id in special.Append(maskId))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id, nameof(specialIds));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Size, nameof(specialIds));
        }

        foreach (var id in special)
        {
            _special[id] = true;
        }

        MaskId = maskId;
    }

    public int MaskId { get; }

    /// <summary>len(tokenizer): the number of ids.</summary>
    public int Size => _continuation.Length;

    /// <summary>
    /// A BERT vocabulary's: every token starting with "##" continues a word, and the special ids are [CLS], [SEP],
    /// [PAD], [UNK] and [MASK], Hugging Face's all_special_ids. That is what DataCollatorForLanguageModeling leaves
    /// unmasked when a batch brings no special_tokens_mask (ours never do) and what DataCollatorForWholeWordMask always
    /// leaves unmasked. run_mlm.py differs: it takes special_tokens_mask from the fast tokenizer, which marks only the
    /// [CLS] and [SEP] its post-processor adds, so an [UNK] can be a target there. We keep [UNK] out because predicting
    /// it teaches nothing about the word it hides, and [MASK] because a [MASK] written in a text would be a target the
    /// model cannot tell from a masked position; a caller who wants run_mlm's choice builds this with fewer ids.
    /// </summary>
    public static MaskingVocabulary From(WordPieceVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new MaskingVocabulary(
            vocabulary.MaskId,
            [vocabulary.ClassifierId, vocabulary.SeparatorId, vocabulary.PadId, vocabulary.UnknownId, vocabulary.MaskId],
            [.. vocabulary.Tokens.Select(token => token.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal))]);
    }

    public bool IsSpecial(int id) => _special[id];

    public bool IsContinuation(int id) => _continuation[id];
}
