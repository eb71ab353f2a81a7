using ExperimentKit.Models;
using TorchSharp;

namespace ExperimentKit.Tests.Models;

/// <summary>
/// The heads' parameter and state-dict names and shapes are transformers' for the same config
/// (<see cref="TinyBert.ForHeads"/>): its <c>named_parameters()</c> in order, and its <c>state_dict()</c>, which also
/// lists tied names. A checkpoint of either library then loads into the other by name alone.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class HeadStateDictTests
{
    /// <summary>BertModel(add_pooling_layer=False) under the prefix <c>bert.</c>.</summary>
    private static readonly (string Name, long[] Shape)[] BertEncoder =
    [
        ("bert.embeddings.word_embeddings.weight", [99, 32]),
        ("bert.embeddings.position_embeddings.weight", [512, 32]),
        ("bert.embeddings.token_type_embeddings.weight", [2, 32]),
        ("bert.embeddings.LayerNorm.weight", [32]),
        ("bert.embeddings.LayerNorm.bias", [32]),
        ("bert.encoder.layer.0.attention.self.query.weight", [32, 32]),
        ("bert.encoder.layer.0.attention.self.query.bias", [32]),
        ("bert.encoder.layer.0.attention.self.key.weight", [32, 32]),
        ("bert.encoder.layer.0.attention.self.key.bias", [32]),
        ("bert.encoder.layer.0.attention.self.value.weight", [32, 32]),
        ("bert.encoder.layer.0.attention.self.value.bias", [32]),
        ("bert.encoder.layer.0.attention.output.dense.weight", [32, 32]),
        ("bert.encoder.layer.0.attention.output.dense.bias", [32]),
        ("bert.encoder.layer.0.attention.output.LayerNorm.weight", [32]),
        ("bert.encoder.layer.0.attention.output.LayerNorm.bias", [32]),
        ("bert.encoder.layer.0.intermediate.dense.weight", [37, 32]),
        ("bert.encoder.layer.0.intermediate.dense.bias", [37]),
        ("bert.encoder.layer.0.output.dense.weight", [32, 37]),
        ("bert.encoder.layer.0.output.dense.bias", [32]),
        ("bert.encoder.layer.0.output.LayerNorm.weight", [32]),
        ("bert.encoder.layer.0.output.LayerNorm.bias", [32]),
        ("bert.encoder.layer.1.attention.self.query.weight", [32, 32]),
        ("bert.encoder.layer.1.attention.self.query.bias", [32]),
        ("bert.encoder.layer.1.attention.self.key.weight", [32, 32]),
        ("bert.encoder.layer.1.attention.self.key.bias", [32]),
        ("bert.encoder.layer.1.attention.self.value.weight", [32, 32]),
        ("bert.encoder.layer.1.attention.self.value.bias", [32]),
        ("bert.encoder.layer.1.attention.output.dense.weight", [32, 32]),
        ("bert.encoder.layer.1.attention.output.dense.bias", [32]),
        ("bert.encoder.layer.1.attention.output.LayerNorm.weight", [32]),
        ("bert.encoder.layer.1.attention.output.LayerNorm.bias", [32]),
        ("bert.encoder.layer.1.intermediate.dense.weight", [37, 32]),
        ("bert.encoder.layer.1.intermediate.dense.bias", [37]),
        ("bert.encoder.layer.1.output.dense.weight", [32, 37]),
        ("bert.encoder.layer.1.output.dense.bias", [32]),
        ("bert.encoder.layer.1.output.LayerNorm.weight", [32]),
        ("bert.encoder.layer.1.output.LayerNorm.bias", [32]),
    ];

    private static readonly (string Name, long[] Shape)[] BertPooler =
    [
        ("bert.pooler.dense.weight", [32, 32]),
        ("bert.pooler.dense.bias", [32]),
    ];

    /// <summary>DistilBertModel under the prefix <c>distilbert.</c>.</summary>
    private static readonly (string Name, long[] Shape)[] DistilBertEncoder =
    [
        ("distilbert.embeddings.word_embeddings.weight", [99, 32]),
        ("distilbert.embeddings.position_embeddings.weight", [512, 32]),
        ("distilbert.embeddings.LayerNorm.weight", [32]),
        ("distilbert.embeddings.LayerNorm.bias", [32]),
        ("distilbert.transformer.layer.0.attention.q_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.0.attention.q_lin.bias", [32]),
        ("distilbert.transformer.layer.0.attention.k_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.0.attention.k_lin.bias", [32]),
        ("distilbert.transformer.layer.0.attention.v_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.0.attention.v_lin.bias", [32]),
        ("distilbert.transformer.layer.0.attention.out_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.0.attention.out_lin.bias", [32]),
        ("distilbert.transformer.layer.0.sa_layer_norm.weight", [32]),
        ("distilbert.transformer.layer.0.sa_layer_norm.bias", [32]),
        ("distilbert.transformer.layer.0.ffn.lin1.weight", [37, 32]),
        ("distilbert.transformer.layer.0.ffn.lin1.bias", [37]),
        ("distilbert.transformer.layer.0.ffn.lin2.weight", [32, 37]),
        ("distilbert.transformer.layer.0.ffn.lin2.bias", [32]),
        ("distilbert.transformer.layer.0.output_layer_norm.weight", [32]),
        ("distilbert.transformer.layer.0.output_layer_norm.bias", [32]),
        ("distilbert.transformer.layer.1.attention.q_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.1.attention.q_lin.bias", [32]),
        ("distilbert.transformer.layer.1.attention.k_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.1.attention.k_lin.bias", [32]),
        ("distilbert.transformer.layer.1.attention.v_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.1.attention.v_lin.bias", [32]),
        ("distilbert.transformer.layer.1.attention.out_lin.weight", [32, 32]),
        ("distilbert.transformer.layer.1.attention.out_lin.bias", [32]),
        ("distilbert.transformer.layer.1.sa_layer_norm.weight", [32]),
        ("distilbert.transformer.layer.1.sa_layer_norm.bias", [32]),
        ("distilbert.transformer.layer.1.ffn.lin1.weight", [37, 32]),
        ("distilbert.transformer.layer.1.ffn.lin1.bias", [37]),
        ("distilbert.transformer.layer.1.ffn.lin2.weight", [32, 37]),
        ("distilbert.transformer.layer.1.ffn.lin2.bias", [32]),
        ("distilbert.transformer.layer.1.output_layer_norm.weight", [32]),
        ("distilbert.transformer.layer.1.output_layer_norm.bias", [32]),
    ];

    [Fact]
    public void Bert_question_answering_is_the_encoder_without_pooler_and_qa_outputs()
    {
        using var model = new BertForQuestionAnswering(TinyBert.ForHeads());

        AssertKeys([.. BertEncoder, ("qa_outputs.weight", [2, 32]), ("qa_outputs.bias", [2])], model);
    }

    [Fact]
    public void DistilBert_question_answering_is_the_encoder_and_qa_outputs()
    {
        using var model = new DistilBertForQuestionAnswering(TinyDistilBert.ForHeads());

        AssertKeys([.. DistilBertEncoder, ("qa_outputs.weight", [2, 32]), ("qa_outputs.bias", [2])], model);
    }

    [Fact]
    public void Bert_multiple_choice_is_the_encoder_with_pooler_and_a_one_output_classifier()
    {
        using var model = new BertForMultipleChoice(TinyBert.ForHeads());

        AssertKeys([.. BertEncoder, .. BertPooler, ("classifier.weight", [1, 32]), ("classifier.bias", [1])], model);
    }

    [Fact]
    public void DistilBert_multiple_choice_is_the_encoder_pre_classifier_and_a_one_output_classifier()
    {
        using var model = new DistilBertForMultipleChoice(TinyDistilBert.ForHeads());

        AssertKeys(
            [.. DistilBertEncoder, ("pre_classifier.weight", [32, 32]), ("pre_classifier.bias", [32]), ("classifier.weight", [1, 32]), ("classifier.bias", [1])],
            model);
    }

    [Fact]
    public void Bert_masked_lm_lists_its_tied_decoder_in_the_state_dict_but_not_among_the_parameters()
    {
        using var model = new BertForMaskedLM(TinyBert.ForHeads());

        AssertKeys(
            [
                .. BertEncoder,
                ("cls.predictions.bias", [99]),
                ("cls.predictions.transform.dense.weight", [32, 32]),
                ("cls.predictions.transform.dense.bias", [32]),
                ("cls.predictions.transform.LayerNorm.weight", [32]),
                ("cls.predictions.transform.LayerNorm.bias", [32]),
            ],
            model,
            tied: [("cls.predictions.decoder.weight", [99, 32]), ("cls.predictions.decoder.bias", [99])]);
    }

    /// <param name="parameters">named_parameters() in transformers' order.</param>
    /// <param name="tied">The names state_dict() adds for tensors already listed under another name.</param>
    private static void AssertKeys((string Name, long[] Shape)[] parameters, torch.nn.Module model, (string Name, long[] Shape)[]? tied = null)
    {
        Assert.Equal(parameters.Select(p => p.Name), model.named_parameters().Select(p => p.name));
        Assert.Equal(Describe(parameters.Concat(tied ?? [])), Describe(model.state_dict().Select(kv => (kv.Key, kv.Value.shape))));
    }

    private static IEnumerable<string> Describe(IEnumerable<(string Name, long[] Shape)> keys) =>
        keys.Select(k => $"{k.Name} [{string.Join(", ", k.Shape)}]").Order(StringComparer.Ordinal);
}
