using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.Models;
using ExperimentKit.Tests.Training;
using ExperimentKit.Torch;
using ExperimentKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Torch;

/// <summary>
/// use_cpu and the automatic device, and one training step walked through the runtime's pieces with every tensor's
/// device checked: on this CPU-only machine the configured device is the CPU; on a CUDA build with a GPU the same test
/// checks CUDA.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class DevicePlacementTests
{
    [Theory]
    [InlineData(false, false, DeviceType.CPU)]
    [InlineData(false, true, DeviceType.CUDA)]
    [InlineData(true, true, DeviceType.CPU)]
    [InlineData(true, false, DeviceType.CPU)]
    public void Use_cpu_or_else_cuda_when_LibTorch_reports_it(bool useCpu, bool cudaAvailable, DeviceType expected)
    {
        var placement = TrainingDevice.Resolve(Spec(new TrainingSpec { UseCpu = useCpu }), cudaAvailable);

        Assert.Equal(expected, placement.Device.type);
        Assert.Null(placement.ComputeType);
    }

    [Theory]
    [InlineData(true, false, ScalarType.Float16)]
    [InlineData(false, true, ScalarType.BFloat16)]
    public void Mixed_precision_on_cuda_computes_in_its_type(bool fp16, bool bf16, ScalarType expected) =>
        Assert.Equal(expected, TrainingDevice.Resolve(Spec(new TrainingSpec { Fp16 = fp16, Bf16 = bf16 }), cudaAvailable: true).ComputeType);

    [Fact]
    public void Mixed_precision_where_the_automatic_device_is_the_cpu_stops_at_its_yaml_line()
    {
        var spec = Spec(new TrainingSpec { Fp16 = true }) with
        {
            Locations = new SourceMap("e.yaml", new EquatableArray<SourceMapEntry>([new SourceMapEntry("training.fp16", new SourceLocation(9, 9))])),
        };

        var failure = Assert.Throws<ExperimentConfigurationException>(() => TrainingDevice.Resolve(spec, cudaAvailable: false));

        Assert.Equal(
            "e.yaml(9,9): error EK0203: training.fp16 is mixed precision on CUDA, but LibTorch reports no CUDA device, so this run would train on the CPU: build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU, or drop 'fp16'.",
            failure.Message);
    }

    [Fact]
    public void One_training_step_keeps_the_model_every_batch_the_loss_and_the_optimizer_state_on_the_configured_device()
    {
        var device = TrainingDevice.Resolve(Spec(new TrainingSpec()), cuda.is_available()).Device;
        manual_seed(4);
        using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        model.to(device);
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 40, LabelCollations.ClassIds);
        using var optimizer = OptimizerFactory.CreateAdamW(model, new TrainingSpec());
        using var scope = NewDisposeScope();

        var batch = collator.Collate(TrainerHarness.Examples(8), new BatchPosition(0, 0)).To(device);
        var output = model.forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds, batch.Labels);
        var loss = new TrainingLoss(0).Of(output, batch.Labels);
        loss.backward();
        optimizer.Step();

        Assert.All(new[] { batch.InputIds, batch.AttentionMask, batch.TokenTypeIds!, batch.Labels, output.Logits, loss }, t => AssertOn(device, t));
        Assert.All(model.parameters(), p => AssertOn(device, p));
        Assert.All(model.parameters(), p => AssertOn(device, p.grad!));
        Assert.All(optimizer.ParamGroups.SelectMany(g => g.States), s => Assert.All(new[] { s.ExpAvg, s.ExpAvgSq }, t => AssertOn(device, t)));
    }

    private static void AssertOn(Device device, Tensor tensor) => Assert.Equal(device.type, tensor.device_type);

    private static ExperimentSpec Spec(TrainingSpec training) =>
        TestSpecs.Experiment(new SequenceClassificationTaskSpec(), new DatasetSpec()) with { Training = training };
}
