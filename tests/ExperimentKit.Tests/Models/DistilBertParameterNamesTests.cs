using ExperimentKit.Models;
using TorchSharp;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class DistilBertParameterNamesTests
{
    /// <summary>HF transformers DistilBertForSequenceClassification(n_layers=2).named_parameters(), in order.</summary>
    private static readonly string[] HuggingFaceTwoLayerNames =
    [
        "distilbert.embeddings.word_embeddings.weight",
        "distilbert.embeddings.position_embeddings.weight",
        "distilbert.embeddings.LayerNorm.weight",
        "distilbert.embeddings.LayerNorm.bias",
        "distilbert.transformer.layer.0.attention.q_lin.weight",
        "distilbert.transformer.layer.0.attention.q_lin.bias",
        "distilbert.transformer.layer.0.attention.k_lin.weight",
        "distilbert.transformer.layer.0.attention.k_lin.bias",
        "distilbert.transformer.layer.0.attention.v_lin.weight",
        "distilbert.transformer.layer.0.attention.v_lin.bias",
        "distilbert.transformer.layer.0.attention.out_lin.weight",
        "distilbert.transformer.layer.0.attention.out_lin.bias",
        "distilbert.transformer.layer.0.sa_layer_norm.weight",
        "distilbert.transformer.layer.0.sa_layer_norm.bias",
        "distilbert.transformer.layer.0.ffn.lin1.weight",
        "distilbert.transformer.layer.0.ffn.lin1.bias",
        "distilbert.transformer.layer.0.ffn.lin2.weight",
        "distilbert.transformer.layer.0.ffn.lin2.bias",
        "distilbert.transformer.layer.0.output_layer_norm.weight",
        "distilbert.transformer.layer.0.output_layer_norm.bias",
        "distilbert.transformer.layer.1.attention.q_lin.weight",
        "distilbert.transformer.layer.1.attention.q_lin.bias",
        "distilbert.transformer.layer.1.attention.k_lin.weight",
        "distilbert.transformer.layer.1.attention.k_lin.bias",
        "distilbert.transformer.layer.1.attention.v_lin.weight",
        "distilbert.transformer.layer.1.attention.v_lin.bias",
        "distilbert.transformer.layer.1.attention.out_lin.weight",
        "distilbert.transformer.layer.1.attention.out_lin.bias",
        "distilbert.transformer.layer.1.sa_layer_norm.weight",
        "distilbert.transformer.layer.1.sa_layer_norm.bias",
        "distilbert.transformer.layer.1.ffn.lin1.weight",
        "distilbert.transformer.layer.1.ffn.lin1.bias",
        "distilbert.transformer.layer.1.ffn.lin2.weight",
        "distilbert.transformer.layer.1.ffn.lin2.bias",
        "distilbert.transformer.layer.1.output_layer_norm.weight",
        "distilbert.transformer.layer.1.output_layer_norm.bias",
        "pre_classifier.weight",
        "pre_classifier.bias",
        "classifier.weight",
        "classifier.bias",
    ];

    [Fact]
    public void Parameter_names_are_the_hugging_face_names_in_the_same_order()
    {
        using var model = new DistilBertForSequenceClassification(TinyDistilBert.Config(layers: 2), numLabels: 2);

        Assert.Equal(HuggingFaceTwoLayerNames, model.named_parameters().Select(p => p.name));
        Assert.Equal(HuggingFaceTwoLayerNames.Order(StringComparer.Ordinal), model.state_dict().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Distilbert_base_has_the_hugging_face_parameter_count()
    {
        using var model = new DistilBertModel(new DistilBertConfig());

        var parameters = model.parameters().ToList();

        Assert.Equal(4 + (6 * 16), parameters.Count);
        Assert.Equal(66_362_880L, parameters.Sum(p => p.NumberOfElements));
    }
}
