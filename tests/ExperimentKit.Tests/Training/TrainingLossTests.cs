using ExperimentKit.Models;
using ExperimentKit.Training;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Training;

public sealed class TrainingLossTests
{
    [Fact]
    public void Label_smoothing_mixes_the_true_class_loss_with_the_mean_over_all_classes_as_the_label_smoother_does()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 2f, 0f }).reshape(1, 2);
        var labels = tensor(new long[] { 0 });
        using var output = new SequenceClassifierOutput(null, logits);

        var loss = new TrainingLoss(0.1).Of(output, labels).item<float>();

        var logSumExp = Math.Log(Math.Exp(2) + 1);
        var trueClass = logSumExp - 2;
        var allClasses = (logSumExp - 2 + logSumExp) / 2;
        Assert.Equal((0.9 * trueClass) + (0.1 * allClasses), loss, precision: 6);
    }

    [Fact]
    public void Without_smoothing_the_model_loss_is_used_as_it_is()
    {
        using var scope = NewDisposeScope();
        var modelLoss = tensor(0.25f);
        using var output = new SequenceClassifierOutput(modelLoss, zeros(1, 2));

        Assert.Same(modelLoss, new TrainingLoss(0).Of(output, tensor(new long[] { 0 })));
    }
}
