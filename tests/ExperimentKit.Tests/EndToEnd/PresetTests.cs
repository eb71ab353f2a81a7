using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Training;
using Snapshooter;
using Snapshooter.Xunit;
using Spectre.Console;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>
/// Every experiment in experiments/ runs end to end through its compiled runner on a tiny model (a pretrained checkpoint
/// swapped for a small random BERT of the same model_type) and at most 64 rows, and a snapshot pins the shape of the
/// head's predictions and of its metric result as `evaluate` returns it: which keys, nested how, holding which kind of number.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class PresetTests
{
    public static TheoryData<string> Presets =>
        [.. Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "experiments"), "*.yaml").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Each_preset_runs_on_a_tiny_model_and_64_rows(string preset)
    {
        using var output = new TemporaryFolder();
        var registration = Registration(preset);

        var result = ExperimentFiles.Run(registration.Create(), preset, output.Path, Tiny);

        Assert.Empty(ExperimentKit.Tests.Models.Transformers.TransformersLayout.Differences(result.RunDirectory));
        Assert.NotEmpty(result.Epochs);
        var spec = Tiny(ExperimentFiles.Load(preset, output.Path));
        var prediction = Predictions(spec, result.RunDirectory);
        var shape = new Dictionary<string, object>
        {
            ["predictions"] = prediction.Predictions.Shape,
            ["label_ids"] = prediction.LabelIds.Shape,
            ["metrics"] = Shape(Task(spec).ScorerFor(DatasetSplit.Validation, Data(spec)).ComputeMetrics(prediction)),
        };
        Snapshot.Match(shape, SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(preset)));
    }

    private static ExperimentRegistration Registration(string preset)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(MrpcExperiment).Module.ModuleHandle);
        return ExperimentRegistry.Find("experiments/" + preset) ?? throw new InvalidOperationException($"{preset} is not compiled");
    }

    /// <summary>The preset at test size: a small random encoder, 64 rows each way, two optimizer steps and one evaluation.</summary>
    private static ExperimentSpec Tiny(ExperimentSpec spec) => spec with
    {
        Model = spec.Model switch
        {
            BertSpec bert => bert with { PretrainedModelNameOrPath = null, HiddenSize = 32, NumHiddenLayers = 1, NumAttentionHeads = 2, IntermediateSize = 64, MaxPositionEmbeddings = 128 },
            var model => model with { PretrainedModelNameOrPath = null },
        },
        Tokenizer = spec.Tokenizer with { MaxLength = Math.Min(spec.Tokenizer.MaxLength, 128) },

        // Windows of 128 tokens move on by less than half their length, so a long context still makes several.
        Task = spec.Task is QuestionAnsweringTaskSpec qa ? qa with { DocStride = 32 } : spec.Task,
        Dataset = spec.Dataset with { DataRoot = TestData.Root, MaxTrainSamples = 64, MaxEvalSamples = 64 },
        Training = spec.Training with
        {
            MaxSteps = 2,
            LoggingSteps = 1,
            EvalStrategy = IntervalStrategy.Epoch,
            SaveStrategy = IntervalStrategy.No,
            LoadBestModelAtEnd = false,
            MetricForBestModel = null,
            EarlyStoppingPatience = null,
        },
    };

    private static IExperimentTask Task(ExperimentSpec spec) => spec.Task switch
    {
        TokenClassificationTaskSpec => new TokenClassificationTask(spec),
        QuestionAnsweringTaskSpec => new QuestionAnsweringTask(spec),
        MultipleChoiceTaskSpec => new MultipleChoiceTask(spec),
        MaskedLmTaskSpec => new MaskedLanguageModelingTask(spec),
        _ => new SequenceClassificationTask(spec),
    };

    /// <summary>
    /// The run's predictions.safetensors as the EvalPrediction they were scored from, with the validation rows
    /// encoded again by the run's tokenizer (question answering maps windows back through them).
    /// </summary>
    private static EvalPrediction Predictions(ExperimentSpec spec, string runDirectory)
    {
        using var reader = SafeTensorsFile.Open(Path.Combine(runDirectory, ExperimentKit.Runs.PredictionsFile.TensorsFile));
        using var predictions = reader.ReadTensor("predictions");
        using var labels = reader.ReadTensor("label_ids");
        var inputs = Task(spec).Encode(DatasetSplit.Validation, Data(spec), ExperimentKit.Tokenization.BertTokenizer.FromPretrainedFolder(runDirectory));
        return new EvalPrediction(HostArray.Of(predictions), HostArray.Of(labels)) { Inputs = inputs };
    }

    private static DataRoot Data(ExperimentSpec spec) => DataRoot.Resolve(spec.Dataset.DataRoot, experimentFile: null);

    /// <summary>The result with every number replaced by its kind: the shape a consumer of the metric relies on.</summary>
    private static Dictionary<string, object> Shape(JsonObject result) =>
        result.ToDictionary(
            pair => pair.Key,
            pair => pair.Value switch
            {
                JsonObject nested => Shape(nested),
                JsonValue number when number.TryGetValue(out int _) => (object)"int",
                _ => "float",
            });
}
