using ExperimentKit.Data;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>MRPC's 3,668 training pairs, tokenized as the main job does (bert-base-uncased's vocabulary, pairs to 128 tokens).</summary>
internal static class MrpcTrainingSet
{
    public const int MaxLength = 128;

    public static IReadOnlyList<EncodedExample> Load()
    {
        var root = BenchmarkData.Root;
        var table = TsvTable.Read(root.Locate(Path.Combine("glue", "mrpc", "train.tsv"), "GLUE mrpc train.tsv"), hasHeader: true);
        var tokenizer = BertTokenizer.FromVocabFile(root.Locate(Path.Combine("models", "bert-base-uncased", "vocab.txt"), "bert-base-uncased vocabulary"));
        var (first, second, label) = (table.ColumnIndex("#1 String"), table.ColumnIndex("#2 String"), table.ColumnIndex("Quality"));
        var options = new EncodeOptions(MaxLength: MaxLength);
        return
        [
            .. table.Rows.Select(row =>
            {
                var encoded = tokenizer.EncodeIds(row.Fields[first], row.Fields[second], options);
                return EncodedExample.WithClass(encoded.InputIds, encoded.TokenTypeIds, int.Parse(row.Fields[label], System.Globalization.CultureInfo.InvariantCulture));
            }),
        ];
    }
}
