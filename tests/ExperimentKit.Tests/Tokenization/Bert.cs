using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>The bert-base-uncased tokenizer from the shared data, loaded once per test run.</summary>
internal static class Bert
{
    private static readonly Lazy<BertTokenizer> LazyTokenizer = new(() => BertTokenizer.FromVocabFile(VocabPath));

    public static string VocabPath => TestData.Path("models", "bert-base-uncased", "vocab.txt");

    public static BertTokenizer Tokenizer => LazyTokenizer.Value;

    public static EncodeOptions NoSpecialTokens { get; } = new(AddSpecialTokens: false);
}
