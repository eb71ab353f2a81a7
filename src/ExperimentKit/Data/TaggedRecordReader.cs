using System.Globalization;
using ExperimentKit.Data.Records;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// Token-classification sentences from records, as the Hugging Face Hub keeps conll2003 and its kin: a list of words
/// (`tokens`) and a list of tags (`label`: ids of the label names, as a ClassLabel sequence holds them, or the names).
/// </summary>
public static class TaggedRecordReader
{
    public static IReadOnlyList<TaggedSentence> Read(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [.. DatasetRecords.Read(spec, split, root).Select(record => Sentence(record, spec))];
    }

    private static TaggedSentence Sentence(DataRecord record, DatasetSpec spec)
    {
        var tokens = record.Strings(spec.Tokens);
        var tags = record.Strings(spec.Label);
        if (tags.Count != tokens.Count)
        {
            throw new DataFormatException(record.File, record.Position, spec.Label, $"{tags.Count} tags for {tokens.Count} tokens; a sentence needs one tag per token.");
        }

        return new TaggedSentence(record.Position.Number, [.. tokens], [.. tags.Select(tag => TagId(tag, spec.LabelNames, record, spec.Label))]);
    }

    private static int TagId(string tag, IReadOnlyList<string> names, DataRecord record, string column)
    {
        var named = names.ToList().IndexOf(tag);
        if (named >= 0)
        {
            return named;
        }

        return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < names.Count
            ? id
            : throw new DataFormatException(
                record.File, record.Position, column, $"tag '{tag}' is neither a tag id 0..{names.Count - 1} nor one of the label names: {string.Join(", ", names)}.");
    }
}
