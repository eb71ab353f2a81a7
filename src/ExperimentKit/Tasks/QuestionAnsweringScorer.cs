using System.Text.Json.Nodes;
using ExperimentKit.Data.QuestionAnswering;
using ExperimentKit.Metrics;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;

namespace ExperimentKit.Tasks;

/// <summary>
/// run_qa's post_processing_function and compute_metrics for one split: the windows' start and end logits become the
/// best answer text per question (postprocess_qa_predictions), scored against the split's gold answers by `evaluate`'s
/// squad, and written as predictions.json (question id → answer, as the official evaluation script reads it).
/// </summary>
internal sealed class QuestionAnsweringScorer(Lazy<IReadOnlyList<SquadExample>> examples, QuestionAnsweringTaskSpec task) : IPredictionScorer
{
    public JsonObject ComputeMetrics(EvalPrediction prediction)
    {
        var answers = Postprocess(prediction).ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);
        var references = examples.Value.Select(e => new SquadReference(e.Id, [.. e.Answers.Select(a => a.Text)])).ToArray();
        return SquadScores.Compute(answers, references);
    }

    public void WritePredictions(string folder, EvalPrediction prediction) => SquadPredictionsFile.Write(folder, Postprocess(prediction));

    private IReadOnlyList<QuestionAnsweringPrediction> Postprocess(EvalPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return QuestionAnsweringPostprocessor.Postprocess(examples.Value, prediction.Inputs, prediction.Predictions, task.NBestSize, task.MaxAnswerLength);
    }
}
