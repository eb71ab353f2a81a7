using System.Text.Json.Nodes;
using ExperimentKit.Training;

namespace ExperimentKit.Tasks;

/// <summary>How the predictions on one split are scored, and written out in a form people read.</summary>
public interface IPredictionScorer
{
    /// <summary>compute_metrics: the declared metrics, as `evaluate` returns them.</summary>
    JsonObject ComputeMetrics(EvalPrediction prediction);

    /// <summary>Readable predictions beside predictions.safetensors (run_qa's predictions.json); none by default.</summary>
    void WritePredictions(string folder, EvalPrediction prediction)
    {
    }
}
