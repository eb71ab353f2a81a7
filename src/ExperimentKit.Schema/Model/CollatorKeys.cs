using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>The `collator:` section's keys: DataCollatorWithPadding's arguments; <see cref="CollatorSpec"/> holds them.</summary>
public static class CollatorKeys
{
    public static SectionKey[] All { get; } =
    [
        Choice<PaddingStrategy>("padding", "Pad each batch to its longest example, or every batch to tokenizer.max_length."),
        Integer("pad_to_multiple_of", "Round each batch's length up to a multiple of this.") with { Optional = true, Range = ValueRange.Positive },
        Boolean("return_token_type_ids", "Whether batches carry token_type_ids; default: true for BERT, false for DistilBERT (which takes none).")
            with { DefaultText = "`true` (`false` for distilbert)" },
    ];
}
