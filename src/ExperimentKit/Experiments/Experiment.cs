using ExperimentKit.Data;
using ExperimentKit.IO;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Torch;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// Fine-tunes an encoder with the head an experiment declares. The generated runner supplies the typed pieces (model
/// class with its head, batch type) and the task (<see cref="IExperimentTask"/>: reading, label collation, metrics);
/// this class runs the pipeline, the same for every head: read → tokenize → seed → build model → train and evaluate →
/// write the run folder.
/// </summary>
/// <typeparam name="TConfig">The config type of the YAML's model_type (BertConfig, DistilBertConfig).</typeparam>
public abstract partial class Experiment<TConfig, TBatch, TModel> : IExperiment
    where TConfig : PretrainedConfig
    where TBatch : ILabeledBatch
    where TModel : torch.nn.Module, IPretrainedModel<TConfig>
{
    protected abstract TModel CreateModel(TConfig config);

    protected abstract TBatch CreateBatch(CollatedBatch collated);

    protected abstract ModelOutput Forward(TModel model, TBatch batch);

    /// <summary>The runtime side of the head the YAML declares.</summary>
    protected abstract IExperimentTask CreateTask(ExperimentSpec spec);

    public RunResult Run(ExperimentSpec spec, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var reporter = settings.Reporter;
        // First, so a run asking for fp16 where LibTorch sees no GPU stops before it reads or tokenizes anything.
        var placement = TrainingDevice.Resolve(spec);
        var task = CreateTask(spec);
        var source = ModelSource<TConfig>.Resolve(spec, task, reporter);
        var data = PreparedData.Load(spec, task, settings.ExperimentFile, source.Pretrained, reporter, settings.TokenizationCache);
        torch.manual_seed(spec.Training.Seed);
        using var model = CreateModel(source.Config);
        source.LoadWeights(model, reporter);
        if (placement.IsCuda)
        {
            model.to(placement.Device);
        }

        var parentFolder = settings.RunDirectory is { } trial ? Path.GetDirectoryName(Path.GetFullPath(trial))! : spec.Training.OutputDir;
        RunStorage.Check(settings.Resume?.RunDirectory ?? parentFolder, model, spec.Training);
        var folder = settings switch
        {
            { Resume: { } resume } => RunFolder.Reopen(resume.RunDirectory),
            { RunDirectory: { } exact } => RunFolder.CreateAt(exact),
            _ => RunFolder.Create(spec.Training.OutputDir, DateTime.UtcNow),
        };
        AtomicFile.WriteAllText(folder.File("config.yaml"), ResolvedConfigWriter.ToYaml(spec));
        // A resumed run keeps the command that started it.
        if (settings.Command is { } command && !File.Exists(folder.File(RunArtifacts.CommandFile)))
        {
            AtomicFile.WriteAllText(folder.File(RunArtifacts.CommandFile), command + "\n");
        }

        reporter.RunFolder(folder.FinalPath);

        var collator = task.CreateCollator(data.Tokenizer);
        TBatch Collate(IReadOnlyList<EncodedExample> examples, BatchPosition position) => CreateBatch(collator.Collate(examples, position).To(placement.Device));
        var scorer = task.ScorerFor(DatasetSplit.Validation, data.Root);
        var metrics = new MetricsLog(folder.File("metrics.jsonl"));
        metrics.Clear();
        var recorder = new RunRecorder(metrics);
        var tensorBoard = TensorBoardLog.Start(TensorBoardLog.FolderFor(folder, spec.Training), DateTimeOffset.UtcNow);
        var modelFolder = new ModelFolder(model.Config, data.Tokenizer, spec.Tokenizer.MaxLength);
        var checkpoints = new CheckpointFolders(folder, path => modelFolder.Write(path, model), spec.Training.SaveTotalLimit);
        var evaluator = new Evaluator<TModel, TBatch>(spec.Training, scorer.ComputeMetrics, Collate, Forward, task.PreprocessLogits);
        var trainer = new Trainer<TModel, TBatch>(model, spec.Training, Collate, Forward, evaluator, new CompositeCallback(reporter, recorder, tensorBoard), checkpoints);
        var output = reporter.Display(() => trainer.Train(data.Train, data.Validation, settings.Resume?.Checkpoint));

        trainer.SaveState(folder.Path);
        WritePredictions(folder.Path, scorer, evaluator.EvaluateWithPredictions(model, data.Validation, output.GlobalStep, output.Epoch));
        var epochs = EpochTable.Summarize(recorder.Logs, recorder.Evaluations);
        RunArtifacts.Write(folder, model, modelFolder, output, epochs);
        RunReport.Write(folder, spec.Name, recorder.Logs, recorder.Evaluations, output);
        folder.Complete();

        reporter.RunEnd(epochs, folder.FinalPath);
        return new RunResult(folder.FinalPath, output, epochs);
    }
}
