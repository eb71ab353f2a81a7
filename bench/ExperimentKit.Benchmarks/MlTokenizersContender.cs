using Microsoft.ML.Tokenizers;

namespace ExperimentKit.Benchmarks;

/// <summary>Microsoft.ML.Tokenizers' BertTokenizer (lower-casing, BERT basic tokenization).</summary>
internal sealed class MlTokenizersContender(string vocabPath) : IContender
{
    private readonly BertTokenizer _tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true });

    public string Name => "Microsoft.ML.Tokenizers";

    public bool SupportsPairs => true;

    public int Encode(string text) => _tokenizer.EncodeToIds(text, addSpecialTokens: true).Count;

    public int EncodePair(string first, string second) =>
        _tokenizer.BuildInputsWithSpecialTokens(
            _tokenizer.EncodeToIds(first, addSpecialTokens: false),
            _tokenizer.EncodeToIds(second, addSpecialTokens: false)).Count;

    public int[] Ids(string text) => [.. _tokenizer.EncodeToIds(text, addSpecialTokens: true)];
}
