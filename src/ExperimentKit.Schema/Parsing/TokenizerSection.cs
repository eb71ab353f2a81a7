using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`tokenizer:` — vocabulary and the arguments of HF's tokenizer call, as <see cref="TokenizerKeys"/> declares them.</summary>
internal static class TokenizerSection
{
    /// <param name="task">Question answering defaults max_length to run_qa's 384 (a question and a window of context).</param>
    public static TokenizerSpec Read(MappingReader root, TaskSpec task)
    {
        var r = root.Section(ExperimentKeys.Tokenizer, "tokenizer keys such as max_length", TokenizerKeys.All.Select(k => k.Name));
        var defaults = task.Kind == TaskKind.QuestionAnswering ? new TokenizerSpec { MaxLength = 384 } : new TokenizerSpec();
        var spec = SectionReading.Read(r, defaults, TokenizerKeys.All);
        r.ReportUnknownKeys();
        return spec;
    }
}
