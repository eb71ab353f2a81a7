using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Training;

/// <summary>The Trainer loop's TrainingArguments on a tiny model: logging strategy, early stopping, data_seed.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainerTests
{
    private static readonly TrainingSpec Base = TrainerHarness.Args with { Seed = 3, SaveStrategy = IntervalStrategy.No };

    private static readonly IReadOnlyList<ExperimentKit.Data.EncodedExample> Train = TrainerHarness.Examples(32);

    [Fact]
    public void Logging_strategy_epoch_logs_the_mean_loss_of_each_epoch_at_its_last_step()
    {
        var (_, events, _) = TrainerHarness.Train(Base with { LoggingStrategy = IntervalStrategy.Epoch }, Train);

        Assert.Equal([4, 8, 12], events.Logs.Select(l => l.Step));
        Assert.Equal([1.0, 2.0, 3.0], events.Logs.Select(l => l.Epoch));
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(events.StepLosses.Skip(epoch * 4).Take(4).Average(), events.Logs[epoch].Loss, precision: 12);
        }
    }

    [Fact]
    public void Eval_on_start_evaluates_the_untrained_model_at_step_0_and_the_epoch_table_leaves_it_out()
    {
        var (_, events, _) = TrainerHarness.Train(Base with { EvalStrategy = IntervalStrategy.Epoch, EvalOnStart = true }, Train);

        Assert.Equal([0, 4, 8, 12], events.Evaluations.Select(e => e.Step));
        Assert.Equal(0.0, events.Evaluations[0].Epoch);
        Assert.Equal([1, 2, 3], ExperimentKit.Runs.EpochTable.Summarize(events.Logs, events.Evaluations).Select(r => r.Epoch));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Fp16_with_its_loss_scale_and_bf16_train_to_nearly_the_float32_loss(bool fp16, bool bf16)
    {
        var exact = TrainerHarness.Train(Base, Train).Output;
        var (mixed, events, _) = TrainerHarness.Train(Base with { Fp16 = fp16, Bf16 = bf16 }, Train);

        Assert.Equal(exact.GlobalStep, mixed.GlobalStep);
        Assert.All(events.StepLosses, loss => Assert.True(double.IsFinite(loss)));
        Assert.InRange(mixed.TrainingLoss, exact.TrainingLoss - 0.02, exact.TrainingLoss + 0.02);
        Assert.NotEqual(exact.TrainingLoss, mixed.TrainingLoss);
    }

    [Fact]
    public void Logging_strategy_no_never_logs()
    {
        var (output, events, _) = TrainerHarness.Train(Base with { LoggingStrategy = IntervalStrategy.No, LoggingSteps = 1 }, Train);

        Assert.Empty(events.Logs);
        Assert.Equal(12, output.GlobalStep);
    }

    [Fact]
    public void Early_stopping_ends_training_after_patience_evaluations_without_an_improvement_beyond_the_threshold()
    {
        var args = Base with
        {
            NumTrainEpochs = 10,
            EvalStrategy = IntervalStrategy.Epoch,
            MetricForBestModel = "eval_loss",
            EarlyStoppingPatience = 2,
            EarlyStoppingThreshold = 1e6,
        };

        var (output, events, _) = TrainerHarness.Train(args, Train);

        Assert.Equal(3, events.Evaluations.Count);
        Assert.Equal(12, output.GlobalStep);
        var stop = Assert.Single(events.EarlyStops);
        Assert.Equal(new ExperimentKit.Training.EarlyStopEvent(12, "eval_loss", 2, events.Evaluations.Min(e => e.Loss), events.Evaluations.MinBy(e => e.Loss)!.Step), stop);
    }

    [Fact]
    public void Data_seed_changes_the_order_but_not_the_initialisation_and_defaults_to_seed()
    {
        var (_, plain, _) = TrainerHarness.Train(Base, Train);
        var (_, sameSeed, _) = TrainerHarness.Train(Base with { DataSeed = Base.Seed }, Train);
        var (_, otherOrder, _) = TrainerHarness.Train(Base with { DataSeed = Base.Seed + 1 }, Train);

        Assert.Equal(plain.StepLosses, sameSeed.StepLosses);
        Assert.NotEqual(plain.StepLosses[0], otherOrder.StepLosses[0]);
    }

    [Fact]
    public void Group_by_length_batches_examples_of_similar_length_from_the_same_random_order()
    {
        var train = TrainerHarness.Examples(256);
        var args = Base with { NumTrainEpochs = 1, PerDeviceTrainBatchSize = 8 };
        var plain = new List<IReadOnlyList<ExperimentKit.Data.EncodedExample>>();
        var grouped = new List<IReadOnlyList<ExperimentKit.Data.EncodedExample>>();

        TrainerHarness.Train(args, train, batches: plain);
        TrainerHarness.Train(args with { GroupByLength = true }, train, batches: grouped);

        static int Padding(List<IReadOnlyList<ExperimentKit.Data.EncodedExample>> batches) =>
            batches.Sum(b => (b.Count * b.Max(e => e.Length)) - b.Sum(e => e.Length));
        Assert.Equal(32, grouped.Count);
        Assert.Equal(train.Count, grouped.Sum(b => b.Count));
        Assert.True(grouped.SelectMany(b => b).ToHashSet().SetEquals(train), "every example once an epoch");
        Assert.Equal(grouped.SelectMany(b => b).Max(e => e.Length), grouped[0][0].Length);
        Assert.True(Padding(grouped) * 3 < Padding(plain), $"padding {Padding(grouped)} grouped against {Padding(plain)}");
    }
}
