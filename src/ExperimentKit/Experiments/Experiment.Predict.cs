using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;

namespace ExperimentKit.Experiments;

/// <summary>Predictions from a saved model folder, and the evaluation split's predictions at the end of a run.</summary>
public abstract partial class Experiment<TConfig, TBatch, TModel>
{
    public PredictionResult Predict(ExperimentSpec spec, string modelFolder, DatasetSplit split, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var task = CreateTask(spec);
        var configFile = Path.Combine(modelFolder, "config.json");
        var config = PretrainedConfig.Load(configFile) as TConfig
            ?? throw new InvalidDataException($"{configFile}: its model_type is not this experiment's ({typeof(TConfig).Name}). Name the experiment file the model was trained with.");
        using var model = CreateModel(config);
        var report = ModelCheckpoint.LoadSafetensors(model, Path.Combine(modelFolder, "model.safetensors"));
        if (!report.IsExact)
        {
            throw new InvalidDataException($"{modelFolder} does not hold this experiment's model: missing [{string.Join(", ", report.Missing)}], unexpected [{string.Join(", ", report.Unexpected)}], other shapes [{string.Join(", ", report.ShapeMismatches)}]. Name the experiment file the model was trained with.");
        }

        var tokenizer = BertTokenizer.FromPretrainedFolder(modelFolder);
        var root = DataRoot.Resolve(spec.Dataset.DataRoot, settings.ExperimentFile);
        var examples = task.Encode(split, root, tokenizer);
        var collator = task.CreateCollator(tokenizer);
        var scorer = task.ScorerFor(split, root);
        var evaluator = new Evaluator<TModel, TBatch>(
            spec.Training, scorer.ComputeMetrics, (batch, position) => CreateBatch(collator.Collate(batch, position)), Forward, task.PreprocessLogits);
        var result = WritePredictions(modelFolder, scorer, evaluator.EvaluateWithPredictions(model, examples, step: 0, epoch: 0));
        settings.Reporter.Predictions(examples.Length, split, Path.Combine(modelFolder, PredictionsFile.TensorsFile));
        return result;
    }

    private static PredictionResult WritePredictions(string folder, IPredictionScorer scorer, (EvaluationLogEntry Entry, EvalPrediction Prediction) evaluated)
    {
        var result = new PredictionResult(evaluated.Prediction, evaluated.Entry);
        PredictionsFile.Write(folder, result.Prediction, result.Metrics);
        scorer.WritePredictions(folder, result.Prediction);
        return result;
    }
}
