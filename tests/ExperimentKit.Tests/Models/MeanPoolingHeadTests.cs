using System.Text.Json.Nodes;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class MeanPoolingHeadTests
{
    [Fact]
    public void The_masked_mean_averages_real_tokens_only()
    {
        using var scope = NewDisposeScope();
        var hidden = arange(12, dtype: ScalarType.Float32).reshape(2, 3, 2);
        var mask = tensor(new long[] { 1, 1, 0, 1, 0, 0 }).reshape(2, 3);

        var mean = MaskedMean.Of(hidden, mask);

        Assert.Equal(new[] { 1f, 2f, 6f, 7f }, mean.data<float>().ToArray());
    }

    [Fact]
    public void A_mean_pooling_head_ignores_padding_and_differs_from_the_pooler_head_on_the_same_weights()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var meanHead = new BertForSequenceClassification(TinyBert.Config() with { ClassifierPooling = ClassifierPoolings.Mean }, numLabels: 2);
        using var clsHead = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        clsHead.load_state_dict(meanHead.state_dict());
        meanHead.eval();
        clsHead.eval();
        long[] tokens = [5, 17, 42, 9, 23, 6];
        var alone = tensor(tokens).unsqueeze(0);
        var padded = tensor(tokens.Concat(new long[10]).ToArray()).unsqueeze(0);
        var paddedMask = cat([ones(1, tokens.Length, dtype: ScalarType.Int64), zeros(1, 10, dtype: ScalarType.Int64)], 1);

        var fromAlone = meanHead.forward(alone, ones_like(alone), null, null).Logits;
        var fromPadded = meanHead.forward(padded, paddedMask, null, null).Logits;
        var fromPooler = clsHead.forward(alone, ones_like(alone), null, null).Logits;

        Assert.True(fromAlone.allclose(fromPadded, rtol: 0, atol: 1e-5), $"{fromAlone.str()} vs {fromPadded.str()}");
        Assert.False(fromAlone.allclose(fromPooler, rtol: 0, atol: 1e-3), "the mean head must not read the pooler");
    }

    [Fact]
    public void Config_json_carries_classifier_pooling_only_when_it_is_mean()
    {
        var mean = TinyBert.Config() with { ClassifierPooling = ClassifierPoolings.Mean };

        Assert.Equal("mean", JsonNode.Parse(mean.ToJson())!["classifier_pooling"]!.GetValue<string>());
        Assert.Equal(mean, BertConfig.FromJson(mean.ToJson()));
        Assert.False(JsonNode.Parse(TinyBert.Config().ToJson())!.AsObject().ContainsKey("classifier_pooling"));
        Assert.Equal(ClassifierPoolings.Cls, BertConfig.FromJson("{}").ClassifierPooling);
    }

    [Fact]
    public void An_unknown_pooling_in_config_json_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BertConfig.FromJson("""{"classifier_pooling": "max"}""").Validate());

        Assert.Equal("classifier_pooling 'max' is not supported; use 'cls' or 'mean'.", error.Message);
    }
}
