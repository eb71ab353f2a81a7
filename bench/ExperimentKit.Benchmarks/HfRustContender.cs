using ExperimentKit.Tokenization;
using Tokenizers.DotNet;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// Hugging Face's Rust tokenizer through Tokenizers.DotNet, loaded with the standard BERT tokenizer.json written
/// from the same vocab.txt. Tokenizers.DotNet has no pair call, so a pair is two calls, one [CLS] dropped.
/// </summary>
internal sealed class HfRustContender : IContender, IDisposable
{
    private readonly string _jsonPath = Path.Combine(Path.GetTempPath(), $"experimentkit-bench-tokenizer-{Environment.ProcessId}.json");
    private readonly Tokenizer _tokenizer;

    public HfRustContender(string vocabPath)
    {
        File.WriteAllBytes(_jsonPath, TokenizerJsonWriter.Write(BertTokenizer.FromVocabFile(vocabPath)));
        _tokenizer = new Tokenizer(_jsonPath);
    }

    public string Name => "HF tokenizers (Rust)";

    public bool SupportsPairs => true;

    public int Encode(string text) => _tokenizer.Encode(text).Length;

    public int EncodePair(string first, string second) => _tokenizer.Encode(first).Length + _tokenizer.Encode(second).Length - 1;

    public int[] Ids(string text) => [.. _tokenizer.Encode(text).Select(id => checked((int)id))];

    public void Dispose() => File.Delete(_jsonPath);
}
