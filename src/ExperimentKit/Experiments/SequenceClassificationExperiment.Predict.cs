using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>Predictions from a saved model folder, and the evaluation split's predictions at the end of a run.</summary>
public abstract partial class SequenceClassificationExperiment<TConfig, TBatch, TModel, TLabel>
{
    public PredictionResult Predict(ExperimentSpec spec, string modelFolder, DatasetSplit split, RunSettings settings)
    {
        CheckLabels(spec);
        var configFile = Path.Combine(modelFolder, "config.json");
        var config = PretrainedConfig.Load(configFile) as TConfig
            ?? throw new InvalidDataException($"{configFile}: its model_type is not this experiment's ({typeof(TConfig).Name}).");
        using var model = CreateModel(config);
        var report = ModelCheckpoint.LoadSafetensors(model, Path.Combine(modelFolder, "model.safetensors"));
        if (!report.IsExact)
        {
            throw new InvalidDataException($"{modelFolder} does not hold this experiment's model: missing [{string.Join(", ", report.Missing)}], unexpected [{string.Join(", ", report.Unexpected)}], other shapes [{string.Join(", ", report.ShapeMismatches)}].");
        }

        var tokenizer = BertTokenizer.FromPretrainedFolder(modelFolder);
        var root = DataRoot.Resolve(spec.Dataset.DataRoot, settings.ExperimentFile);
        var examples = DatasetEncoder.Encode(TextClassificationReader.Read(spec.Dataset, split, root), tokenizer, spec.Tokenizer);
        var collator = new DataCollatorWithPadding(spec.Collator, spec.Model.PadTokenId, spec.Tokenizer.MaxLength);
        var evaluator = new Evaluator<TModel, TBatch>(spec.Training, spec.Metrics.ToArray(), examples => CreateBatch(collator.Collate(examples)), Forward);
        var evaluated = evaluator.EvaluateWithPredictions(model, examples, step: 0, epoch: 0);
        var result = WritePredictions(modelFolder, evaluated, examples);
        settings.Console.MarkupLineInterpolated($"Predictions for {examples.Length} {split.ToString().ToLowerInvariant()} examples written to [blue]{Path.Combine(modelFolder, PredictionsFile.TensorsFile)}[/]");
        return result;
    }

    private static PredictionResult WritePredictions(string folder, (EvaluationLogEntry Entry, Predictions Predictions) evaluated, IReadOnlyList<EncodedExample> examples)
    {
        var result = new PredictionResult(evaluated.Predictions, examples.Select(e => e.Label).ToArray(), evaluated.Entry);
        PredictionsFile.Write(folder, result.Predictions, result.LabelIds, result.Metrics);
        return result;
    }
}
