using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.Models;
using ExperimentKit.Training;
using TorchSharp;
using static TorchSharp.torch;
using TorchSharpAdamW = TorchSharp.Modules.AdamW;

namespace ExperimentKit.Tests.Training;

/// <summary>Our AdamW against TorchSharp 0.107's, which it replaces: same numbers, same file.</summary>
[Collection(TorchCollection.Name)]
public sealed class AdamWTests
{
    private static readonly TrainingSpec Args = new() { LearningRate = 1e-3, WeightDecay = 0.01, AdamBeta1 = 0.8, AdamBeta2 = 0.95, AdamEpsilon = 1e-6 };

    [Fact]
    public void Equals_TorchSharps_AdamW_to_the_last_bit_over_steps_with_both_parameter_groups()
    {
        using var ours = TinyClassifier(seed: 3);
        using var theirs = TinyClassifier(seed: 3);
        using var optimizer = OptimizerFactory.CreateAdamW(ours, Args);
        using var reference = TorchSharpReference(theirs, Args);
        Assert.Equal([Args.WeightDecay, 0.0], optimizer.ParamGroups.Select(g => g.Hyperparameters.WeightDecay));

        for (var step = 0; step < 6; step++)
        {
            // A changing learning rate, as the scheduler sets it, exercises the rate-dependent Scalars.
            var rate = Args.LearningRate * (step + 1) / 6.0;
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }

            foreach (var group in reference.ParamGroups)
            {
                group.LearningRate = rate;
            }

            Backward(ours, seed: step);
            Backward(theirs, seed: step);
            optimizer.Step();
            reference.step();
            optimizer.ZeroGrad();
            reference.zero_grad();

            foreach (var (left, right) in ours.parameters().Zip(theirs.parameters()))
            {
                Assert.True(TinyBert.SameBits(left, right), $"a parameter differs after step {step + 1}");
            }
        }

        Assert.Equal(Serialize(reference), Serialize(optimizer));
    }

    [Fact]
    public void Its_state_file_round_trips_and_loads_into_a_fresh_optimizer_bit_for_bit()
    {
        using var model = TinyClassifier(seed: 1);
        using var optimizer = OptimizerFactory.CreateAdamW(model, Args);
        for (var step = 0; step < 3; step++)
        {
            Backward(model, seed: step);
            optimizer.Step();
            optimizer.ZeroGrad();
        }

        var saved = Serialize(optimizer);
        using var restored = OptimizerFactory.CreateAdamW(model, Args with { LearningRate = 5 });
        using (var reader = new BinaryReader(new MemoryStream(saved)))
        {
            restored.Load(reader);
        }

        using var fresh = OptimizerFactory.CreateAdamW(model, Args);
        Assert.Equal(saved, Serialize(restored));
        Assert.NotEqual(saved, Serialize(fresh));
        Assert.Equal(Args.LearningRate, restored.ParamGroups[0].LearningRate);
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_alone_and_its_step_count_stays()
    {
        using var model = TinyClassifier(seed: 2);
        using var optimizer = OptimizerFactory.CreateAdamW(model, Args);
        var frozen = optimizer.ParamGroups[0].Parameters[0];
        using var before = frozen.detach().clone();

        Backward(model, seed: 0);
        frozen.grad = null;

        optimizer.Step();

        Assert.True(TinyBert.SameBits(before, frozen));
        Assert.Equal(0, optimizer.ParamGroups[0].States[0].Step);
        Assert.Equal(1, optimizer.ParamGroups[0].States[1].Step);
    }

    private static ExperimentKit.Models.BertForSequenceClassification TinyClassifier(int seed)
    {
        manual_seed(seed);
        return new ExperimentKit.Models.BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
    }

    /// <summary>A loss from a batch drawn by <paramref name="seed"/>; the same seed gives both models the same batch.</summary>
    private static void Backward(ExperimentKit.Models.BertForSequenceClassification model, int seed)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed + 100);
        var ids = randint(0, 100, [4, 9], generator: generator);
        var labels = randint(0, 2, [4], generator: generator);
        model.eval();
        model.forward(ids, ones_like(ids), null, labels).Loss!.backward();
    }

    /// <summary>TorchSharp's AdamW with the groups OptimizerFactory makes (weights decay; biases and LayerNorms do not).</summary>
    private static TorchSharpAdamW TorchSharpReference(nn.Module model, TrainingSpec args)
    {
        var named = model.named_parameters().ToArray();
        TorchSharpAdamW.ParamGroup Group(bool decays, double weightDecay) => new(
            named.Where(p => OptimizerFactory.DecaysWeight(p.name) == decays).Select(p => p.parameter).ToArray(),
            args.LearningRate, args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, weightDecay, false, false);
        return optim.AdamW([Group(true, args.WeightDecay), Group(false, 0.0)], args.LearningRate, args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, args.WeightDecay);
    }

    private static byte[] Serialize(TorchSharpAdamW optimizer) => Serialize(optimizer.save_state_dict);

    private static byte[] Serialize(AdamW optimizer) => Serialize(optimizer.Save);

    private static byte[] Serialize(Action<BinaryWriter> save)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            save(writer);
        }

        return stream.ToArray();
    }
}
