using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class BertInitTests
{
    [Fact]
    public void Weights_follow_hugging_face_init_weights()
    {
        using var scope = NewDisposeScope();
        var config = TinyBert.Config() with { VocabSize = 1000, PadTokenId = 3 };
        using var model = new BertForSequenceClassification(config, numLabels: 3);
        var p = model.state_dict();

        var word = p["bert.embeddings.word_embeddings.weight"];
        var query = p["bert.encoder.layer.0.attention.self.query.weight"];
        var allWeights = cat([word.flatten(), query.flatten(), p["bert.encoder.layer.1.intermediate.dense.weight"].flatten()]);

        Assert.InRange(allWeights.std().item<float>(), 0.019, 0.021);
        Assert.InRange(allWeights.mean().item<float>(), -0.001, 0.001);
        Assert.True(word[3].eq(0).all().item<bool>(), "the padding row is zero");
        Assert.False(word[0].eq(0).all().item<bool>());
        foreach (var (name, tensor) in p)
        {
            if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                Assert.True(tensor.eq(0).all().item<bool>(), $"{name} is zero");
            }

            if (name.EndsWith("LayerNorm.weight", StringComparison.Ordinal))
            {
                Assert.True(tensor.eq(1).all().item<bool>(), $"{name} is one");
            }
        }

        Assert.InRange(p["classifier.weight"].std().item<float>(), 0.012, 0.028);
    }

    [Fact]
    public void The_same_seed_gives_bitwise_identical_weights()
    {
        manual_seed(1234);
        using var first = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        manual_seed(1234);
        using var second = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);

        foreach (var (name, tensor) in first.state_dict())
        {
            Assert.True(TinyBert.SameBits(tensor, second.state_dict()[name]), name);
        }
    }
}
