using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' zero-shot-classification over an NLI ForSequenceClassification model: each text is the premise of
/// one hypothesis per candidate label (the template with the label in place of "{}"), and the entailment logits
/// score the labels (<see cref="ZeroShotScores"/>).
/// </summary>
public sealed class ZeroShotClassificationPipeline : Pipeline
{
    public const string DefaultHypothesisTemplate = "This example is {}.";

    public ZeroShotClassificationPipeline(string model, PipelineOptions? options = null)
        : base(PipelineTask.ZeroShotClassification, model, options)
    {
        EntailmentId = ZeroShotScores.EntailmentId(Config);
    }

    /// <summary>The class taken as entailment; -1 (the last class) when no label starts with "entail".</summary>
    public int EntailmentId { get; }

    /// <exception cref="ArgumentException">No texts or labels, or a template without "{}".</exception>
    public IReadOnlyList<ZeroShotResult> Classify(
        IReadOnlyList<string> sequences, IReadOnlyList<string> candidateLabels, string hypothesisTemplate = DefaultHypothesisTemplate, bool multiLabel = false)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(candidateLabels);
        ArgumentNullException.ThrowIfNull(hypothesisTemplate);
        if (sequences.Count == 0 || candidateLabels.Count == 0)
        {
            throw new ArgumentException("You must include at least one label and at least one sequence.", nameof(candidateLabels));
        }

        if (!hypothesisTemplate.Contains("{}", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The provided hypothesis_template \"{hypothesisTemplate}\" was not able to be formatted with the target labels. Make sure the passed template includes formatting syntax such as {{}} where the label should go.",
                nameof(hypothesisTemplate));
        }

        var hypotheses = candidateLabels.Select(label => hypothesisTemplate.Replace("{}", label, StringComparison.Ordinal)).ToArray();
        var premises = sequences.SelectMany(sequence => hypotheses.Select(_ => sequence)).ToArray();
        // only_first: the hypothesis, which names the label, is never cut.
        var encodings = Encode(premises, [.. sequences.SelectMany(_ => hypotheses)], new EncodeOptions(Truncation: TruncationStrategy.OnlyFirst));
        var logits = Model.Run([.. encodings.Select(ModelRow.Of)], Options.BatchSize);
        return [.. sequences.Select((sequence, s) =>
        {
            var rows = logits.Skip(s * hypotheses.Length).Take(hypotheses.Length).Select(o => o.Values).ToArray();
            return ZeroShotScores.Ranked(sequence, candidateLabels, ZeroShotScores.Compute(rows, EntailmentId, multiLabel));
        })];
    }
}
