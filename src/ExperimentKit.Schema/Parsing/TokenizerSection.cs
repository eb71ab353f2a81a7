using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`tokenizer:` — vocabulary and the arguments of HF's tokenizer call.</summary>
internal static class TokenizerSection
{
    // HF accepts truncation=True / False as well as the strategy names.
    private static readonly ScalarType<TruncationStrategy> Truncation = ScalarTypes.Enum(
        ("true", TruncationStrategy.LongestFirst),
        ("false", TruncationStrategy.DoNotTruncate));

    /// <param name="task">Question answering defaults max_length to run_qa's 384 (a question and a window of context).</param>
    public static TokenizerSpec Read(MappingReader r, TaskSpec task)
    {
        var d = task.Kind == TaskKind.QuestionAnswering ? new TokenizerSpec { MaxLength = 384 } : new TokenizerSpec();
        var spec = new TokenizerSpec
        {
            VocabFile = r.Read("vocab_file", d.VocabFile, ScalarTypes.Text),
            DoLowerCase = r.Read("do_lower_case", d.DoLowerCase, ScalarTypes.Boolean),
            StripAccents = r.ReadOptional("strip_accents", d.StripAccents, ScalarTypes.Boolean),
            MaxLength = r.Read("max_length", d.MaxLength, ScalarTypes.Integer),
            Truncation = r.Read("truncation", d.Truncation, Truncation),
        };
        r.ReportUnknownKeys();
        return spec;
    }
}
