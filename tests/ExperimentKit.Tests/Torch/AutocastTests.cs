using ExperimentKit.Models;
using ExperimentKit.Tests.Models;
using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Torch;

/// <summary>Our autocast on the CPU (whose LibTorch computes bfloat16 too): what runs in which type, and what comes back.</summary>
[Collection(TorchCollection.Name)]
public sealed class AutocastTests
{
    [Fact]
    public void A_linear_layer_computes_in_the_region_type_returns_float32_and_trains_float32_weights()
    {
        manual_seed(2);
        using var layer = nn.Linear(8, 4);
        using var scope = NewDisposeScope();
        var input = randn(3, 8);

        Tensor output;
        using (Autocast.Enable(ScalarType.BFloat16))
        {
            output = Autocast.Linear(layer, input);
        }

        output.sum().backward();
        var inBFloat16 = nn.functional.linear(input.to_type(ScalarType.BFloat16), layer.weight!.to_type(ScalarType.BFloat16), layer.bias!.to_type(ScalarType.BFloat16));
        Assert.Equal(ScalarType.Float32, output.dtype);
        Assert.True(TinyBert.SameBits(inBFloat16.to_type(ScalarType.Float32), output));
        Assert.Equal(ScalarType.Float32, layer.weight!.grad!.dtype);
        Assert.Null(Autocast.ComputeType);
    }

    [Fact]
    public void Outside_a_region_a_linear_layer_is_its_own_forward()
    {
        manual_seed(3);
        using var layer = nn.Linear(8, 4);
        using var scope = NewDisposeScope();
        var input = randn(3, 8);

        Assert.True(TinyBert.SameBits(layer.forward(input), Autocast.Linear(layer, input)));
    }

    [Fact]
    public void A_bert_classifier_in_bfloat16_gives_float32_logits_near_the_float32_ones()
    {
        manual_seed(5);
        using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 3);
        model.eval();
        using var scope = NewDisposeScope();
        var ids = randint(4, 100, [2, 10]);
        var mask = ones_like(ids);
        mask[1, 6..] = zeros(4, ScalarType.Int64);

        var exact = model.forward(ids, mask, null, null).Logits;
        Tensor mixed;
        using (Autocast.Enable(ScalarType.BFloat16))
        {
            mixed = model.forward(ids, mask, null, null).Logits;
        }

        Assert.Equal(ScalarType.Float32, mixed.dtype);
        Assert.True(exact.allclose(mixed, rtol: 0, atol: 0.05), $"max difference {(exact - mixed).abs().max().item<float>()}");
        Assert.False(TinyBert.SameBits(exact, mixed));
    }
}
