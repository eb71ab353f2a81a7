using ExperimentKit.Models;
using TorchSharp;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class BertParameterNamesTests
{
    /// <summary>HF transformers BertForSequenceClassification(num_hidden_layers=2).named_parameters(), in order.</summary>
    private static readonly string[] HuggingFaceTwoLayerNames =
    [
        "bert.embeddings.word_embeddings.weight",
        "bert.embeddings.position_embeddings.weight",
        "bert.embeddings.token_type_embeddings.weight",
        "bert.embeddings.LayerNorm.weight",
        "bert.embeddings.LayerNorm.bias",
        "bert.encoder.layer.0.attention.self.query.weight",
        "bert.encoder.layer.0.attention.self.query.bias",
        "bert.encoder.layer.0.attention.self.key.weight",
        "bert.encoder.layer.0.attention.self.key.bias",
        "bert.encoder.layer.0.attention.self.value.weight",
        "bert.encoder.layer.0.attention.self.value.bias",
        "bert.encoder.layer.0.attention.output.dense.weight",
        "bert.encoder.layer.0.attention.output.dense.bias",
        "bert.encoder.layer.0.attention.output.LayerNorm.weight",
        "bert.encoder.layer.0.attention.output.LayerNorm.bias",
        "bert.encoder.layer.0.intermediate.dense.weight",
        "bert.encoder.layer.0.intermediate.dense.bias",
        "bert.encoder.layer.0.output.dense.weight",
        "bert.encoder.layer.0.output.dense.bias",
        "bert.encoder.layer.0.output.LayerNorm.weight",
        "bert.encoder.layer.0.output.LayerNorm.bias",
        "bert.encoder.layer.1.attention.self.query.weight",
        "bert.encoder.layer.1.attention.self.query.bias",
        "bert.encoder.layer.1.attention.self.key.weight",
        "bert.encoder.layer.1.attention.self.key.bias",
        "bert.encoder.layer.1.attention.self.value.weight",
        "bert.encoder.layer.1.attention.self.value.bias",
        "bert.encoder.layer.1.attention.output.dense.weight",
        "bert.encoder.layer.1.attention.output.dense.bias",
        "bert.encoder.layer.1.attention.output.LayerNorm.weight",
        "bert.encoder.layer.1.attention.output.LayerNorm.bias",
        "bert.encoder.layer.1.intermediate.dense.weight",
        "bert.encoder.layer.1.intermediate.dense.bias",
        "bert.encoder.layer.1.output.dense.weight",
        "bert.encoder.layer.1.output.dense.bias",
        "bert.encoder.layer.1.output.LayerNorm.weight",
        "bert.encoder.layer.1.output.LayerNorm.bias",
        "bert.pooler.dense.weight",
        "bert.pooler.dense.bias",
        "classifier.weight",
        "classifier.bias",
    ];

    [Fact]
    public void Parameter_names_are_the_hugging_face_names_in_the_same_order()
    {
        using var model = new BertForSequenceClassification(TinyBert.Config(layers: 2), numLabels: 2);

        var names = model.named_parameters().Select(p => p.name).ToArray();

        Assert.Equal(HuggingFaceTwoLayerNames, names);
    }

    [Fact]
    public void The_state_dict_holds_exactly_the_parameters_so_no_position_ids_buffer_reaches_a_checkpoint()
    {
        using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);

        Assert.Equal(HuggingFaceTwoLayerNames.Order(StringComparer.Ordinal), model.state_dict().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_derived_head_keeps_the_names()
    {
        using var model = new DerivedModel(TinyBert.Config());

        Assert.Equal(HuggingFaceTwoLayerNames, model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Bert_base_has_the_hugging_face_parameter_count()
    {
        using var model = new BertModel(new BertConfig());

        var parameters = model.parameters().ToList();

        Assert.Equal(199, parameters.Count);
        Assert.Equal(109_482_240L, parameters.Sum(p => p.NumberOfElements));
    }

    [Fact]
    public void Sequence_classification_on_bert_base_adds_the_classifier()
    {
        using var model = new BertForSequenceClassification(new BertConfig(), numLabels: 2);

        Assert.Equal(201, model.parameters().Count());
        Assert.Equal(109_482_240L + (768 * 2) + 2, model.parameters().Sum(p => p.NumberOfElements));
    }

    private sealed class DerivedModel(BertConfig config) : BertForSequenceClassification(config, numLabels: 2);
}
