using System.Diagnostics;
using System.Globalization;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Data;

/// <summary>
/// `datasets.map(tokenize, batched=True)` with its cache: a split is read and tokenized on all cores, or loaded
/// from <see cref="TokenizationCache"/> when the data file, tokenizer and settings are those of an earlier run.
/// </summary>
public static class TokenizedSplit
{
    /// <param name="log">Gets one line saying whether the cache was hit, and any cache warning.</param>
    /// <param name="encode">The task's reading and tokenization of a split, run on a cache miss.</param>
    public static EncodedExample[] Load(
        ExperimentSpec spec,
        Func<DatasetSplit, DataRoot, BertTokenizer, EncodedExample[]> encode,
        DatasetSplit split,
        DataRoot root,
        BertTokenizer tokenizer,
        TokenizationCache cache,
        Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        string fingerprint = TokenizationFingerprint.Compute(
            DatasetLayout.Files(spec.Dataset, split, root), tokenizer, EncodeOptions.FromSpec(spec.Tokenizer), spec.Dataset, spec.Task, split);
        string path = cache.PathOf(fingerprint);
        string name = split.ToString().ToLowerInvariant();
        if (TokenizationCache.TryLoad(path, log) is { } cached)
        {
            log(string.Create(CultureInfo.InvariantCulture, $"Tokenized {name} split: {cached.Length} examples (cache hit {path})"));
            return cached;
        }

        var examples = encode(split, root, tokenizer);
        string saved = TokenizationCache.Save(path, examples, log) ? $"saved {path}" : "not saved";
        log(string.Create(
            CultureInfo.InvariantCulture,
            $"Tokenized {name} split: {examples.Length} examples in {clock.Elapsed.TotalSeconds:0.0} s (cache miss, {saved})"));
        return examples;
    }
}
