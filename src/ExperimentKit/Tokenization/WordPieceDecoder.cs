using System.Text;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Tokens back to text as a Hugging Face BERT fast tokenizer gives it: the WordPiece decoder (cleanup on) joins
/// tokens with spaces, glues "##" pieces to the token before and pulls ".", "?", "!" and "," onto the word before
/// (<c>convert_tokens_to_string</c>); <see cref="Decode"/> adds <c>clean_up_tokenization_spaces</c> over the whole text.
/// </summary>
public static class WordPieceDecoder
{
    /// <summary>The tokenizers crate's wordpiece <c>cleanup</c>, applied to each token with its leading space.</summary>
    private static readonly (string From, string To)[] Cleanup =
    [
        (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"),
        (" do not", " don't"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
    ];

    /// <summary>transformers' <c>clean_up_tokenization</c>, on the decoded text.</summary>
    private static readonly (string From, string To)[] CleanUpSpaces =
    [
        (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"), (" 's", "'s"),
        (" 've", "'ve"), (" 're", "'re"),
    ];

    /// <summary>HF <c>convert_tokens_to_string</c>: a first token keeps its "##", as the decoder leaves it.</summary>
    public static string ConvertTokensToString(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        var first = true;
        foreach (var token in tokens)
        {
            var piece = first ? token
                : token.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal) ? token[WordPieceVocabulary.ContinuationPrefix.Length..]
                : " " + token;
            text.Append(Replace(piece, Cleanup));
            first = false;
        }

        return text.ToString();
    }

    /// <summary>HF <c>tokenizer.decode(ids, skip_special_tokens)</c> with clean_up_tokenization_spaces, BERT's default.</summary>
    /// <param name="skipSpecialTokens">Leave out [PAD], [UNK], [CLS], [SEP] and [MASK], as the fast tokenizer's added special tokens.</param>
    public static string Decode(WordPieceVocabulary vocabulary, IEnumerable<int> ids, bool skipSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(ids);
        int[] special = [vocabulary.PadId, vocabulary.UnknownId, vocabulary.ClassifierId, vocabulary.SeparatorId, vocabulary.MaskId];
        var tokens = ids.Where(id => !skipSpecialTokens || !special.Contains(id)).Select(vocabulary.GetToken);
        return Replace(ConvertTokensToString(tokens), CleanUpSpaces);
    }

    private static string Replace(string text, (string From, string To)[] replacements)
    {
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }
}
