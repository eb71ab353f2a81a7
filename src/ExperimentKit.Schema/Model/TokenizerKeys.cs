using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>The `tokenizer:` section's keys: BertTokenizer's options and the arguments of HF's tokenizer call; <see cref="TokenizerSpec"/> holds them.</summary>
public static class TokenizerKeys
{
    public static SectionKey[] All { get; } =
    [
        Text("vocab_file", "vocab.txt, relative to the data root unless absolute; a pretrained model brings its own."),
        Boolean("do_lower_case", "Lower-case the text before splitting it (uncased checkpoints)."),
        Boolean("strip_accents", "Strip accents; not set: exactly when lower-casing, as BertTokenizer does.") with { Optional = true },
        Integer("max_length", "Longest encoding in tokens, special tokens included (question answering: 384).")
            with { Range = ValueRange.Positive, DefaultText = "`512` (`384` for question_answering)" },
        Choice("truncation", "How a text or pair longer than max_length is cut (true: longest_first, false: do_not_truncate).",
            ("true", TruncationStrategy.LongestFirst),
            ("false", TruncationStrategy.DoNotTruncate)),
    ];
}
