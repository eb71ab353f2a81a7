using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>`model_type: distilbert`: DistilBertConfig's keys, its own rules, and the other architecture's keys named as such.</summary>
public class DistilBertSchemaTests
{
    private const string Valid = """
        name: sst2
        model:
          model_type: distilbert
          pretrained_model_name_or_path: org/distilbert
          revision: v1
          dim: 64
          n_layers: 2
          n_heads: 2
          hidden_dim: 128
          dropout: 0.0
          attention_dropout: 0.05
          activation: relu
          seq_classif_dropout: 0.3
          max_position_embeddings: 128
        task: sequence_classification
        dataset: {name: glue/sst-2}
        tokenizer: {max_length: 128}
        training: {}

        """;

    private static string[] Findings(string model, string more = "") =>
        [.. ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal.Replace("model: {}", model) + more).Diagnostics.Select(d => d.Format("e.yaml"))];

    [Fact]
    public void DistilBert_keys_are_read_into_a_distilbert_spec()
    {
        var result = ExperimentSpecParser.Parse("e.yaml", Valid);

        Assert.Empty(result.Diagnostics);
        var model = Assert.IsType<DistilBertSpec>(result.Spec!.Model);
        Assert.Equal(
            ("distilbert", "org/distilbert", "v1", 64, 2, 2, 128, 0.0, 0.05, "relu", 0.3, 128, 30522, false),
            (model.ModelType, model.PretrainedModelNameOrPath, model.Revision, model.Dim, model.NLayers, model.NHeads, model.HiddenDim,
             model.Dropout, model.AttentionDropout, model.Activation, model.SeqClassifDropout, model.MaxPositionEmbeddings, model.VocabSize, model.SinusoidalPosEmbds));
    }

    [Fact]
    public void Collator_returns_no_token_type_ids_for_distilbert_unless_told_and_does_for_bert()
    {
        var distilBert = ExperimentSpecParser.Parse("e.yaml", Valid).Spec!;
        var bert = ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal).Spec!;

        Assert.False(distilBert.Collator.ReturnTokenTypeIds);
        Assert.True(bert.Collator.ReturnTokenTypeIds);
    }

    [Fact]
    public void A_bert_key_under_distilbert_is_named_as_such_with_its_counterpart()
    {
        Assert.Equal(
            ["e.yaml(1,33): error EK0101: unknown key 'hidden_size' in 'model' for model_type distilbert ('hidden_size' is a model_type bert key); did you mean 'dim'?"],
            Findings("model: {model_type: distilbert, hidden_size: 64}"));
    }

    [Fact]
    public void A_distilbert_key_under_bert_is_named_as_such_with_its_counterpart()
    {
        Assert.Equal(
            ["e.yaml(1,9): error EK0101: unknown key 'n_layers' in 'model' for model_type bert ('n_layers' is a model_type distilbert key); did you mean 'num_hidden_layers'?"],
            Findings("model: {n_layers: 2}"));
    }

    [Fact]
    public void A_bert_key_distilbert_has_no_counterpart_for_lists_the_distilbert_keys()
    {
        Assert.Equal(
            ["e.yaml(1,33): error EK0101: unknown key 'type_vocab_size' in 'model' for model_type distilbert ('type_vocab_size' is a model_type bert key); valid: "
             + "pretrained_model_name_or_path, revision, model_type, vocab_size, max_position_embeddings, sinusoidal_pos_embds, n_layers, n_heads, dim, "
             + "hidden_dim, dropout, attention_dropout, activation, initializer_range, seq_classif_dropout, pad_token_id"],
            Findings("model: {model_type: distilbert, type_vocab_size: 2}"));
    }

    [Fact]
    public void A_bert_only_key_under_distilbert_is_named_as_such_like_every_key_the_tables_give_one_model_type()
    {
        Assert.Equal(
            ["e.yaml(1,33): error EK0101: unknown key 'classifier_pooling' in 'model' for model_type distilbert ('classifier_pooling' is a model_type bert key); valid: "
             + "pretrained_model_name_or_path, revision, model_type, vocab_size, max_position_embeddings, sinusoidal_pos_embds, n_layers, n_heads, dim, "
             + "hidden_dim, dropout, attention_dropout, activation, initializer_range, seq_classif_dropout, pad_token_id"],
            Findings("model: {model_type: distilbert, classifier_pooling: mean}"));
    }

    [Fact]
    public void A_config_json_only_key_is_no_model_key()
    {
        Assert.Equal(
            ["e.yaml(1,33): error EK0101: unknown key 'qa_dropout' in 'model'; did you mean 'dropout'?"],
            Findings("model: {model_type: distilbert, qa_dropout: 0.1}"));
    }

    [Fact]
    public void A_misspelt_distilbert_key_suggests_the_closest_distilbert_key()
    {
        Assert.Equal(
            ["e.yaml(1,33): error EK0101: unknown key 'n_layer' in 'model'; did you mean 'n_layers'?"],
            Findings("model: {model_type: distilbert, n_layer: 2}"));
    }

    [Fact]
    public void A_misspelt_model_type_suggests_the_closest()
    {
        Assert.Equal(
            ["e.yaml(1,21): error EK0102: 'model_type' must be one of bert, distilbert, got 'distilbrt'; did you mean 'distilbert'?"],
            Findings("model: {model_type: distilbrt}"));
    }

    [Fact]
    public void EK0201_dim_not_divisible_by_n_heads()
    {
        Assert.Equal(
            ["e.yaml(1,51): error EK0201: dim (64) must be a multiple of n_heads (3): each head gets dim / n_heads dimensions"],
            Findings("model: {model_type: distilbert, dim: 64, n_heads: 3}"));
    }

    [Fact]
    public void EK0205_distilbert_values_are_range_checked()
    {
        Assert.Equal(
            ["e.yaml(1,43): error EK0205: 'n_layers' must be a positive integer, got 0"],
            Findings("model: {model_type: distilbert, n_layers: 0}"));
    }

    [Fact]
    public void EK0205_sinusoidal_position_embeddings_are_refused()
    {
        Assert.Equal(
            ["e.yaml(1,55): error EK0205: 'sinusoidal_pos_embds' must be false: only learned position embeddings are implemented; remove the key"],
            Findings("model: {model_type: distilbert, sinusoidal_pos_embds: true}"));
    }

    [Fact]
    public void EK0203_token_type_ids_for_distilbert()
    {
        Assert.Equal(
            ["e.yaml(6,35): error EK0203: DistilBERT takes no token_type_ids (it has no token type embeddings); remove 'return_token_type_ids' or set it to false"],
            Findings("model: {model_type: distilbert}", "collator: {return_token_type_ids: true}\n"));
    }
}
