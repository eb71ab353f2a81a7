using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class BertForwardTests
{
    [Fact]
    public void A_seeded_forward_is_bitwise_repeatable_in_training_mode_too()
    {
        using var scope = NewDisposeScope();
        var (ids, mask) = Batch();

        Tensor Run()
        {
            manual_seed(7);
            using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
            model.train();
            return model.forward(ids, mask, null, null).Logits.detach();
        }

        Assert.True(TinyBert.SameBits(Run(), Run()));
    }

    [Fact]
    public void Padding_does_not_change_the_logits_of_a_sequence()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        model.eval();
        long[] tokens = [5, 17, 42, 9, 23, 6];

        var alone = model.forward(tensor(tokens).unsqueeze(0), ones(1, tokens.Length, dtype: ScalarType.Int64), null, null).Logits;
        var padded = tensor(tokens.Concat(new long[10]).ToArray()).unsqueeze(0);
        var other = randint(1, 100, [1, 16], dtype: ScalarType.Int64);
        var paddedMask = cat([ones(1, tokens.Length, dtype: ScalarType.Int64), zeros(1, 10, dtype: ScalarType.Int64)], 1);
        var inBatch = model.forward(cat([other, padded]), cat([ones(1, 16, dtype: ScalarType.Int64), paddedMask]), null, null).Logits;

        Assert.True(alone[0].allclose(inBatch[1], rtol: 0, atol: 1e-5), $"{alone.str()} vs {inBatch.str()}");
    }

    [Fact]
    public void Fused_attention_matches_the_eager_hugging_face_formula()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var config = TinyBert.Config();
        using var attention = new BertSelfAttention(config);
        attention.eval();
        var hidden = randn(3, 10, config.HiddenSize);
        var keep = ones(3, 10, dtype: ScalarType.Int64);
        keep[1, TensorIndex.Slice(6)] = tensor(0L);
        var mask = BertModel.ExtendedAttentionMask(keep, ScalarType.Float32);

        var fused = attention.forward(hidden, mask);

        var w = attention.state_dict();
        Tensor Heads(string name) =>
            nn.functional.linear(hidden, w[$"{name}.weight"], w[$"{name}.bias"]).view(3, 10, 4, 8).transpose(1, 2);
        var scores = Heads("query").matmul(Heads("key").transpose(-1, -2)) / Math.Sqrt(8) + mask;
        var eager = scores.softmax(-1).matmul(Heads("value")).transpose(1, 2).reshape(3, 10, 32);
        Assert.True(fused.allclose(eager, rtol: 0, atol: 1e-6), $"max difference {(fused - eager).abs().max().item<float>()}");
    }

    [Fact]
    public void Bert_model_returns_hidden_states_and_the_pooled_first_token()
    {
        using var scope = NewDisposeScope();
        using var model = new BertModel(TinyBert.Config());
        model.eval();
        var (ids, mask) = Batch();

        using var output = model.forward(ids, mask, zeros_like(ids));

        Assert.Equal([4L, 12, 32], output.LastHiddenState.shape);
        Assert.Equal([4L, 32], output.PoolerOutput!.shape);
        Assert.True(output.PoolerOutput!.abs().max().item<float>() < 1f, "tanh output");
    }

    [Fact]
    public void Integer_labels_give_cross_entropy_and_a_single_label_gives_mse()
    {
        using var scope = NewDisposeScope();
        var (ids, mask) = Batch();
        using var classifier = new BertForSequenceClassification(TinyBert.Config(), numLabels: 3);
        classifier.eval();
        var labels = tensor(new long[] { 0, 2, 1, 2 });

        var output = classifier.forward(ids, mask, null, labels);

        var expected = -output.Logits.log_softmax(-1).gather(1, labels.unsqueeze(1)).mean();
        Assert.Equal(expected.item<float>(), output.Loss!.item<float>(), 5);

        using var regressor = new BertForSequenceClassification(TinyBert.Config(), numLabels: 1);
        regressor.eval();
        var targets = tensor(new[] { 0.5f, 1f, 2f, 4f });
        var regression = regressor.forward(ids, mask, null, targets);
        var mse = (regression.Logits.squeeze() - targets).pow(2).mean();
        Assert.Equal(mse.item<float>(), regression.Loss!.item<float>(), 5);
    }

    [Fact]
    public void The_loss_backpropagates_to_the_embeddings()
    {
        using var scope = NewDisposeScope();
        var (ids, mask) = Batch();
        using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);

        model.forward(ids, mask, null, tensor(new long[] { 0, 1, 1, 0 })).Loss!.backward();

        var grad = model.named_parameters().Single(p => p.name == "bert.embeddings.word_embeddings.weight").parameter.grad;
        Assert.NotNull(grad);
        Assert.True(grad.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void An_unknown_activation_or_a_sequence_longer_than_the_positions_is_refused()
    {
        using var scope = NewDisposeScope();
        var badActivation = Assert.Throws<ArgumentException>(() => new BertModel(TinyBert.Config() with { HiddenAct = "mish" }));
        Assert.Contains("mish", badActivation.Message, StringComparison.Ordinal);

        using var model = new BertModel(TinyBert.Config());
        var tooLong = ones(1, 41, dtype: ScalarType.Int64);
        var error = Assert.Throws<ArgumentException>(() => model.forward(tooLong, null, null));
        Assert.Contains("max_position_embeddings 40", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Four sequences of 12 tokens, the last two padded.</summary>
    private static (Tensor Ids, Tensor Mask) Batch()
    {
        var generator = new Generator(42);
        var ids = randint(1, 100, [4, 12], dtype: ScalarType.Int64, generator: generator);
        var mask = ones(4, 12, dtype: ScalarType.Int64);
        mask[2, TensorIndex.Slice(8)] = tensor(0L);
        mask[3, TensorIndex.Slice(3)] = tensor(0L);
        ids = ids * mask;
        return (ids, mask);
    }
}
