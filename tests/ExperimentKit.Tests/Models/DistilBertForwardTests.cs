using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class DistilBertForwardTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Padding_does_not_change_the_logits_of_a_sequence()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var model = new DistilBertForSequenceClassification(TinyDistilBert.Config(), numLabels: 2);
        model.eval();
        long[] tokens = [5, 17, 42, 9, 23, 6];

        var alone = model.forward(tensor(tokens).unsqueeze(0), ones(1, tokens.Length, dtype: ScalarType.Int64), null).Logits;
        var padded = tensor(tokens.Concat(new long[10]).ToArray()).unsqueeze(0);
        var other = randint(1, 100, [1, 16], dtype: ScalarType.Int64);
        var paddedMask = cat([ones(1, tokens.Length, dtype: ScalarType.Int64), zeros(1, 10, dtype: ScalarType.Int64)], 1);
        var inBatch = model.forward(cat([other, padded]), cat([ones(1, 16, dtype: ScalarType.Int64), paddedMask]), null).Logits;

        Assert.True(alone[0].allclose(inBatch[1], rtol: 0, atol: 1e-5), $"{alone.str()} vs {inBatch.str()}");
    }

    [Fact]
    public void Save_then_load_into_a_fresh_model_gives_identical_logits()
    {
        using var scope = NewDisposeScope();
        var path = folder.File("model.safetensors");
        var ids = randint(1, 100, [3, 9], dtype: ScalarType.Int64);
        var mask = ones(3, 9, dtype: ScalarType.Int64);
        manual_seed(1);
        using var trained = new DistilBertForSequenceClassification(TinyDistilBert.Config(), numLabels: 2);
        trained.eval();
        ModelCheckpoint.SaveSafetensors(trained, path);

        manual_seed(2);
        using var restored = new DistilBertForSequenceClassification(TinyDistilBert.Config(), numLabels: 2);
        restored.eval();
        var report = ModelCheckpoint.LoadSafetensors(restored, path);

        Assert.True(report.IsExact, string.Join(", ", report.Missing.Concat(report.Unexpected)));
        Assert.True(TinyBert.SameBits(trained.forward(ids, mask, null).Logits, restored.forward(ids, mask, null).Logits));
    }

    [Fact]
    public void Integer_labels_give_cross_entropy_over_the_logits()
    {
        using var scope = NewDisposeScope();
        using var model = new DistilBertForSequenceClassification(TinyDistilBert.Config(), numLabels: 3);
        model.eval();
        var ids = randint(1, 100, [4, 7], dtype: ScalarType.Int64);
        var labels = tensor(new long[] { 0, 2, 1, 2 });

        var output = model.forward(ids, ones_like(ids), labels);

        var expected = -output.Logits.log_softmax(-1).gather(1, labels.unsqueeze(1)).mean();
        Assert.Equal(expected.item<float>(), output.Loss!.item<float>(), 5);
    }

    [Fact]
    public void Init_follows_hugging_face_padding_row_zero_layer_norms_one_biases_zero()
    {
        using var model = new DistilBertForSequenceClassification(TinyDistilBert.Config(), numLabels: 2);
        var state = model.state_dict();

        Assert.Equal(0f, state["distilbert.embeddings.word_embeddings.weight"][0].abs().sum().item<float>());
        Assert.Equal(32f, state["distilbert.transformer.layer.1.sa_layer_norm.weight"].sum().item<float>());
        Assert.Equal(0f, state["pre_classifier.bias"].abs().sum().item<float>());
        Assert.InRange(state["classifier.weight"].std().item<float>(), 0.01f, 0.03f);
    }
}
