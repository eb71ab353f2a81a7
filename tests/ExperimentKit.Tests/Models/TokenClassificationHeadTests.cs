using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>BertForTokenClassification and DistilBertForTokenClassification: transformers' names, shapes and loss.</summary>
[Collection(TorchCollection.Name)]
public sealed class TokenClassificationHeadTests
{
    [Fact]
    public void Bert_token_head_has_no_pooler_and_ends_with_the_classifier_as_in_transformers()
    {
        using var model = new BertForTokenClassification(TinyBert.Config(layers: 1), numLabels: 9);
        var names = model.named_parameters().Select(p => p.name).ToArray();

        // add_pooling_layer=False: a checkpoint saved from it has exactly transformers' keys, no pooler.
        Assert.DoesNotContain(names, name => name.Contains("pooler", StringComparison.Ordinal));
        Assert.Equal(["bert.embeddings.word_embeddings.weight", "classifier.weight", "classifier.bias"], [names[0], .. names[^2..]]);
        Assert.Equal(["BertForTokenClassification"], model.Config.Architectures.ToArray());
        Assert.Equal(9, model.Config.Id2Label.Count);
    }

    [Fact]
    public void DistilBert_token_head_has_transformers_children()
    {
        using var model = new DistilBertForTokenClassification(TinyDistilBert.Config(layers: 1), numLabels: 5);
        var names = model.named_parameters().Select(p => p.name).ToArray();

        Assert.Equal("distilbert.embeddings.word_embeddings.weight", names[0]);
        Assert.Equal(["classifier.weight", "classifier.bias"], names[^2..]);
        Assert.DoesNotContain(names, name => name.StartsWith("pre_classifier", StringComparison.Ordinal));
    }

    [Fact]
    public void Logits_are_per_token_and_the_loss_skips_positions_labelled_minus_100()
    {
        torch.manual_seed(3);
        using var model = new BertForTokenClassification(TinyBert.Config(layers: 1), numLabels: 3);
        model.eval();
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 2, 10, 11, 3, 0, 2, 12, 3, 0, 0 }, [2, 5]);
        var mask = tensor(new long[] { 1, 1, 1, 1, 0, 1, 1, 1, 0, 0 }, [2, 5]);
        var labels = tensor(new long[] { -100, 1, 2, -100, -100, -100, 0, -100, -100, -100 }, [2, 5]);

        var output = model.forward(ids, mask, null, labels);

        Assert.Equal([2L, 5, 3], output.Logits.shape);
        // Cross-entropy over the three labelled positions only.
        var logits = output.Logits.view(-1, 3);
        var picked = tensor(new long[] { 1, 2, 6 });
        var expected = nn.functional.cross_entropy(logits.index_select(0, picked), tensor(new long[] { 1, 2, 0 }));
        Assert.Equal(expected.item<float>(), output.Loss!.item<float>(), precision: 6);
    }
}
