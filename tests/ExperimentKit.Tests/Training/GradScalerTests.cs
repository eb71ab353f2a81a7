using ExperimentKit.Training;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Training;

/// <summary>fp16's loss scaling against torch.amp.GradScaler's defaults.</summary>
[Collection(TorchCollection.Name)]
public sealed class GradScalerTests
{
    [Fact]
    public void The_loss_is_scaled_and_the_gradients_unscaled_exactly()
    {
        using var weight = nn.Parameter(tensor(new[] { 1.5f, -2f }));
        var scaler = new GradScaler();
        using var scope = NewDisposeScope();

        scaler.ScaleLoss((weight * weight).sum()).backward();
        Assert.Equal([3f * 65536, -4f * 65536], weight.grad!.data<float>().ToArray());

        scaler.Unscale([weight]);
        Assert.Equal([3f, -4f], weight.grad!.data<float>().ToArray());
    }

    [Fact]
    public void An_overflowing_step_is_skipped_and_halves_the_scale()
    {
        var scaler = new GradScaler(scale: 1024, growthTracker: 7);

        Assert.False(scaler.Update(gradientsFinite: false));
        Assert.Equal((512.0, 0), (scaler.Scale, scaler.GrowthTracker));
        Assert.True(scaler.Update(gradientsFinite: true));
        Assert.Equal((512.0, 1), (scaler.Scale, scaler.GrowthTracker));
    }

    [Fact]
    public void Two_thousand_finite_steps_in_a_row_double_the_scale()
    {
        var scaler = new GradScaler();

        for (var step = 0; step < 1999; step++)
        {
            Assert.True(scaler.Update(gradientsFinite: true));
        }

        Assert.Equal(GradScaler.InitialScale, scaler.Scale);
        Assert.True(scaler.Update(gradientsFinite: true));
        Assert.Equal((2 * GradScaler.InitialScale, 0), (scaler.Scale, scaler.GrowthTracker));
    }
}
