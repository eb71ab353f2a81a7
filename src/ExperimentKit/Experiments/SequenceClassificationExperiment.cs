using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using Spectre.Console;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// Fine-tunes an encoder with a sequence-classification head. The generated experiment supplies the
/// typed pieces (model class, batch type, label enum); this class runs the pipeline:
/// read → tokenize → seed → build model → train and evaluate → write the run folder.
/// </summary>
/// <typeparam name="TConfig">The config type of the YAML's model_type (BertConfig, DistilBertConfig).</typeparam>
public abstract partial class SequenceClassificationExperiment<TConfig, TBatch, TModel, TLabel> : IExperiment
    where TConfig : PretrainedConfig
    where TBatch : ILabeledBatch
    where TModel : torch.nn.Module, IPretrainedModel<TConfig>
    where TLabel : struct, Enum
{
    protected abstract TModel CreateModel(TConfig config);

    protected abstract TBatch CreateBatch(CollatedBatch collated);

    protected abstract SequenceClassifierOutput Forward(TModel model, TBatch batch);

    public RunResult Run(ExperimentSpec spec, RunSettings settings)
    {
        var console = settings.Console;
        CheckLabels(spec);

        var source = ModelSource<TConfig>.Resolve(spec, console);
        var data = PreparedData.Load(spec, settings.ExperimentFile, source.Pretrained, console, settings.TokenizationCache);
        torch.manual_seed(spec.Training.Seed);
        using var model = CreateModel(source.Config);
        source.LoadWeights(model, console);

        RunStorage.Check(settings.Resume?.RunDirectory ?? spec.Training.OutputDir, model, spec.Training);
        var folder = settings.Resume is { } resume ? RunFolder.Reopen(resume.RunDirectory) : RunFolder.Create(spec.Training.OutputDir, DateTime.UtcNow);
        AtomicFile.WriteAllText(folder.File("config.yaml"), ResolvedConfigWriter.ToYaml(spec));
        console.MarkupLineInterpolated($"Run folder: [blue]{folder.FinalPath}[/]");

        var collator = new DataCollatorWithPadding(spec.Collator, spec.Model.PadTokenId, spec.Tokenizer.MaxLength);
        TBatch Collate(IReadOnlyList<EncodedExample> examples) => CreateBatch(collator.Collate(examples));
        var metrics = new MetricsLog(folder.File("metrics.jsonl"));
        metrics.Clear();
        var recorder = new RunRecorder(metrics);
        var modelFolder = new ModelFolder(model.Config, data.Tokenizer, spec.Tokenizer.MaxLength);
        var checkpoints = new CheckpointFolders(folder, path => modelFolder.Write(path, model), spec.Training.SaveTotalLimit);
        var evaluator = new Evaluator<TModel, TBatch>(spec.Training, spec.Metrics.ToArray(), Collate, Forward);
        var reporter = new ConsoleReporter(console);
        var trainer = new Trainer<TModel, TBatch>(model, spec.Training, Collate, Forward, evaluator, new CompositeCallback(reporter, recorder), checkpoints);
        var output = reporter.Display(() => trainer.Train(data.Train, data.Validation, settings.Resume?.Checkpoint));

        trainer.SaveState(folder.Path);
        WritePredictions(folder.Path, evaluator.EvaluateWithPredictions(model, data.Validation, output.GlobalStep, output.Epoch), data.Validation);
        var epochs = EpochTable.Summarize(recorder.Logs, recorder.Evaluations);
        RunArtifacts.Write(folder, model, modelFolder, output, epochs);
        RunReport.Write(folder, spec.Name, recorder.Logs, recorder.Evaluations, output);
        folder.Complete();

        console.Write(EpochTable.Render(epochs));
        console.MarkupLineInterpolated($"Run written to [blue]{folder.FinalPath}[/]");
        return new RunResult(folder.FinalPath, output, epochs);
    }

    /// <summary>The compiled label enum and the dataset's class names must agree; they drift only if the build is stale.</summary>
    private static void CheckLabels(ExperimentSpec spec)
    {
        var compiled = Enum.GetValues<TLabel>().Length;
        if (compiled != spec.Dataset.LabelNames.Count)
        {
            throw new InvalidOperationException(
                $"{typeof(TLabel).Name} has {compiled} labels but the dataset declares {spec.Dataset.LabelNames.Count} ({string.Join(", ", spec.Dataset.LabelNames)}). Rebuild so the experiment is compiled from the current YAML.");
        }
    }
}
