using ExperimentKit.Schema.Model;
using ExperimentKit.Training;

namespace ExperimentKit.Tests.Training;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Linear_warms_up_from_zero_then_decays_to_zero()
    {
        var schedule = new LearningRateSchedule(LrSchedulerKind.Linear, WarmupSteps: 10, TotalSteps: 110, BaseLearningRate: 1e-3);

        Assert.Equal(0.0, schedule.Factor(0));
        Assert.Equal(0.5, schedule.Factor(5));
        Assert.Equal(1.0, schedule.Factor(10));
        Assert.Equal(0.5, schedule.Factor(60));
        Assert.Equal(0.0, schedule.Factor(110));
    }

    [Fact]
    public void Linear_without_warmup_starts_at_the_full_rate() =>
        Assert.Equal(1.0, new LearningRateSchedule(LrSchedulerKind.Linear, 0, 1377, 5e-5).Factor(0));

    [Fact]
    public void Cosine_is_half_way_down_at_half_the_decay() =>
        Assert.Equal(0.5, new LearningRateSchedule(LrSchedulerKind.Cosine, 0, 100, 5e-5).Factor(50), precision: 12);

    [Fact]
    public void Constant_ignores_warmup() =>
        Assert.Equal(1.0, new LearningRateSchedule(LrSchedulerKind.Constant, 10, 100, 5e-5).Factor(0));

    [Fact]
    public void Polynomial_decays_linearly_to_lr_end_and_stays_there()
    {
        var schedule = new LearningRateSchedule(LrSchedulerKind.Polynomial, WarmupSteps: 10, TotalSteps: 110, BaseLearningRate: 1e-3);

        Assert.Equal(0.5, schedule.Factor(5));
        Assert.Equal(1.0, schedule.Factor(10), precision: 12);
        Assert.Equal(0.50005, schedule.Factor(60), precision: 12);
        Assert.Equal(1e-4, schedule.Factor(110), precision: 12);
        Assert.Equal(1e-4, schedule.Factor(200), precision: 12);
    }

    [Fact]
    public void Cosine_with_one_hard_restart_cycle_reaches_zero_at_the_end()
    {
        var schedule = new LearningRateSchedule(LrSchedulerKind.CosineWithRestarts, WarmupSteps: 0, TotalSteps: 100, BaseLearningRate: 5e-5);

        Assert.Equal(1.0, schedule.Factor(0), precision: 12);
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI / 4)), schedule.Factor(25), precision: 12);
        Assert.Equal(0.5, schedule.Factor(50), precision: 12);
        Assert.Equal(0.0, schedule.Factor(100));
    }

    [Fact]
    public void The_reference_mrpc_recipe_takes_459_steps_per_epoch_and_1377_in_all()
    {
        var plan = TrainingPlan.Of(new TrainingSpec(), exampleCount: 3668);

        Assert.Equal(459, plan.StepsPerEpoch);
        Assert.Equal(1377, plan.TotalSteps);
        Assert.Equal(0, plan.WarmupSteps);
    }

    [Fact]
    public void Max_steps_overrides_epochs_and_warmup_ratio_rounds_up()
    {
        var plan = TrainingPlan.Of(new TrainingSpec { MaxSteps = 1000, WarmupRatio = 0.0015 }, exampleCount: 3668);

        Assert.Equal(1000, plan.TotalSteps);
        Assert.Equal(3, plan.Epochs);
        Assert.Equal(2, plan.WarmupSteps);
    }

    [Fact]
    public void Gradient_accumulation_divides_the_steps_per_epoch()
    {
        var plan = TrainingPlan.Of(new TrainingSpec { GradientAccumulationSteps = 4 }, exampleCount: 3668);

        Assert.Equal(114, plan.StepsPerEpoch);
    }
}
