using ExperimentKit.Data;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using ExperimentKit.Runs;
using ExperimentKit.Tasks;

namespace ExperimentKit.Experiments;

/// <summary>The tokenized train and validation splits of an experiment, the tokenizer that made them, and the data root they were read from.</summary>
public sealed record PreparedData(IReadOnlyList<EncodedExample> Train, IReadOnlyList<EncodedExample> Validation, BertTokenizer Tokenizer, DataRoot Root)
{
    /// <summary>
    /// Reads and tokenizes both splits, or loads them from the tokenization cache. A pretrained checkpoint brings its
    /// own tokenizer (tokenizer.json, or vocab.txt with tokenizer_config.json), used unless the YAML names another vocab_file.
    /// </summary>
    /// <param name="cache">Where tokenized splits are kept; null: <see cref="TokenizationCache.FromEnvironment"/>.</param>
    public static PreparedData Load(
        ExperimentSpec spec, IExperimentTask task, string experimentFile, PretrainedFolder? pretrained, IRunReporter reporter, TokenizationCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cache ??= TokenizationCache.FromEnvironment();
        var root = DataRoot.Resolve(spec.Dataset.DataRoot, experimentFile);
        var tokenizer = pretrained is not null && !spec.Locations.Paths.Contains("tokenizer.vocab_file")
            ? BertTokenizer.FromPretrainedFolder(pretrained.Path)
            : BertTokenizer.FromVocabFile(root.Locate(spec.Tokenizer.VocabFile, "tokenizer vocabulary (vocab.txt)"), spec.Tokenizer.DoLowerCase, spec.Tokenizer.StripAccents);

        EncodedExample[] Split(DatasetSplit split) => TokenizedSplit.Load(spec, task.Encode, split, root, tokenizer, cache, reporter.Line);
        return new PreparedData(Split(DatasetSplit.Train), Split(DatasetSplit.Validation), tokenizer, root);
    }
}
