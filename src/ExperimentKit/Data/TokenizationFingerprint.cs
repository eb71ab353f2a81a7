using System.Security.Cryptography;
using ExperimentKit.Data.Records;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Data;

/// <summary>
/// The cache key of a tokenized split: SHA-256 over everything its examples depend on, namely the data files'
/// bytes, the tokenizer (vocabulary and normalization settings), the encode options, the reader (format), the
/// column mapping and labels, the rows and sample limit of the split, and the split. Equal fingerprints mean equal examples.
/// </summary>
internal static class TokenizationFingerprint
{
    // Bump when tokenization or the cache format changes what a given input produces.
    private const int Version = 3;

    /// <param name="task">The head and its options (problem_type, label_all_tokens), which decide how labels are read and aligned.</param>
    public static string Compute(
        IReadOnlyList<string> dataFiles, BertTokenizer tokenizer, EncodeOptions options, DatasetSpec dataset, TaskSpec task, DatasetSplit split)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            // Length-prefixed, so that no two field sequences hash the same bytes; -1 marks null.
            AddInt(value?.Length ?? -1);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(value ?? ""));
        }

        void AddInt(int value) => hash.AppendData(BitConverter.GetBytes(value));

        AddInt(Version);
        AddInt(dataFiles.Count);
        foreach (string dataFile in dataFiles)
        {
            using FileStream data = File.OpenRead(dataFile);
            hash.AppendData(SHA256.HashData(data));
        }

        AddInt(tokenizer.Vocabulary.Count);
        foreach (string token in tokenizer.Vocabulary.Tokens)
        {
            Add(token);
        }

        AddInt(tokenizer.Basic.DoLowerCase ? 1 : 0);
        AddInt(tokenizer.Basic.StripAccents ? 1 : 0);
        AddInt(tokenizer.Basic.TokenizeChineseChars ? 1 : 0);
        AddInt(tokenizer.WordPiece.MaxInputCharsPerWord);
        AddInt(tokenizer.ModelMaxLength);
        AddInt(options.AddSpecialTokens ? 1 : 0);
        AddInt(options.MaxLength ?? -1);
        AddInt((int)options.Truncation);

        // Records print every property, so any head option changes the key.
        Add(task.ToString());
        AddInt((int)dataset.Format);

        // The record readers' own version and options, so a reader that reads a file differently misses the cache
        // (TSV files are read by TsvTable, whose behaviour the format version above covers).
        Add(dataset.Format != DataFormat.Tsv && DatasetLayout.RecordFormat(dataset.Format) is { } records ? RecordReaders.Fingerprint(records) : null);
        AddInt(dataset.TagColumn);
        var layout = DatasetLayout.From(dataset);
        AddInt(layout.HasHeader ? 1 : 0);
        Add(layout.FileColumn(dataset.TextA));
        Add(dataset.TextB is null ? null : layout.FileColumn(dataset.TextB));
        Add(layout.FileColumn(dataset.Label));
        AddInt(dataset.LabelNames.Count);
        foreach (string name in dataset.LabelNames)
        {
            Add(name);
        }

        foreach (string column in new[] { dataset.Tokens, dataset.Question, dataset.Context, dataset.Answers, dataset.Choices })
        {
            Add(layout.FileColumn(column));
        }

        Add((split == DatasetSplit.Train ? dataset.TrainRows : dataset.ValidationRows)?.ToString());
        AddInt((split == DatasetSplit.Train ? dataset.MaxTrainSamples : dataset.MaxEvalSamples) ?? -1);
        AddInt((int)split);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
