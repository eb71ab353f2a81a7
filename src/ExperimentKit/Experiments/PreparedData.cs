using System.Diagnostics;
using ExperimentKit.Data;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>The tokenized train and validation splits of an experiment, and the tokenizer that made them.</summary>
public sealed record PreparedData(IReadOnlyList<EncodedExample> Train, IReadOnlyList<EncodedExample> Validation, BertTokenizer Tokenizer)
{
    /// <summary>
    /// Reads and tokenizes both splits. A pretrained checkpoint brings its own tokenizer (tokenizer.json, or vocab.txt
    /// with tokenizer_config.json), used unless the YAML names another vocab_file.
    /// </summary>
    public static PreparedData Load(ExperimentSpec spec, string experimentFile, PretrainedFolder? pretrained, IAnsiConsole console)
    {
        var clock = Stopwatch.StartNew();
        var root = DataRoot.Resolve(spec.Dataset.DataRoot, experimentFile);
        var tokenizer = pretrained is not null && !spec.Locations.Paths.Contains("tokenizer.vocab_file")
            ? BertTokenizer.FromPretrainedFolder(pretrained.Path)
            : BertTokenizer.FromVocabFile(root.Locate(spec.Tokenizer.VocabFile, "tokenizer vocabulary (vocab.txt)"), spec.Tokenizer.DoLowerCase, spec.Tokenizer.StripAccents);

        var train = DatasetEncoder.Encode(TextClassificationReader.Read(spec.Dataset, DatasetSplit.Train, root), tokenizer, spec.Tokenizer);
        var validation = DatasetEncoder.Encode(TextClassificationReader.Read(spec.Dataset, DatasetSplit.Validation, root), tokenizer, spec.Tokenizer);
        console.MarkupLineInterpolated($"Tokenized {train.Length} training and {validation.Length} validation examples in {clock.Elapsed.TotalSeconds:0.0} s.");
        return new PreparedData(train, validation, tokenizer);
    }
}
