using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Pipelines;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.EndToEnd;
using ExperimentKit.Tests.Tokenization;
using Spectre.Console;
using TorchSharp;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>A run folder of the tiny MRPC experiment through text-classification gives what `predict` gives on MRPC validation.</summary>
[Collection(TorchCollection.Name)]
public sealed class FineTunedParityTests
{
    [Fact]
    public void The_pipeline_predicts_the_validation_split_as_predict_does()
    {
        using var output = new TemporaryFolder();
        // The dev split as validation (the preset validates on its training pairs), a few steps: seconds.
        static ExperimentSpec OnDev(ExperimentSpec spec) =>
            spec with { Dataset = spec.Dataset with { DataRoot = TestData.Root, ValidationFile = "dev.tsv", MaxEvalSamples = null } };
        var run = ExperimentFiles.Run(new MrpcTinyExperiment(), "mrpc-tiny.yaml", output.Path, spec => OnDev(spec) with { Training = spec.Training with { MaxSteps = 8 } });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var predictSpec = OnDev(ExperimentFiles.Load("mrpc-tiny.yaml", output.Path));
        new MrpcTinyExperiment().Predict(predictSpec, run.RunDirectory, DatasetSplit.Validation, new RunSettings(ExperimentFiles.PathOf("mrpc-tiny.yaml"), console));
        var predicted = ReadPredictions(run.RunDirectory);

        using var classifier = (TextClassificationPipeline)Pipeline.Create("text-classification", run.RunDirectory, new PipelineOptions(BatchSize: 64));
        var pairs = Glue.MrpcPairs("dev").Select(p => new TextInput(p.First, p.Second)).ToArray();
        var logits = classifier.Logits(pairs);
        var labels = classifier.Predict(pairs);

        Assert.Equal(408, predicted.Length);
        var worst = Enumerable.Range(0, 408).Max(i => predicted[i].Zip(logits[i]).Max(p => Math.Abs(p.First - p.Second)));
        Assert.True(worst < 1e-4, $"logits differ by {worst}");
        Assert.Equal(
            predicted.Select(row => classifier.Config.Id2Label[row[1] > row[0] ? 1 : 0]),
            labels.Select(row => row[0].Label));
    }

    private static float[][] ReadPredictions(string folder)
    {
        using var tensors = new TorchTensors(SafeTensorsFile.Load(Path.Combine(folder, PredictionsFile.TensorsFile)));
        var predictions = tensors.Values["predictions"];
        var values = predictions.data<float>().ToArray();
        var width = (int)predictions.shape[1];
        return [.. values.Chunk(width)];
    }

    /// <summary>Disposes the tensors a safetensors load returned.</summary>
    private sealed class TorchTensors(IReadOnlyDictionary<string, torch.Tensor> values) : IDisposable
    {
        public IReadOnlyDictionary<string, torch.Tensor> Values { get; } = values;

        public void Dispose()
        {
            foreach (var tensor in Values.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
