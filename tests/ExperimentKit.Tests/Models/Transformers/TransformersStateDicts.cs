namespace ExperimentKit.Tests.Models.Transformers;

/// <summary>The sizes a state-dict shape is a formula of, read from a config.json.</summary>
internal sealed record ConfigSizes(long Vocab, long Hidden, long Intermediate, long Positions, long TokenTypes, int Layers, long Labels);

/// <summary>One state-dict entry: its name (<c>{i}</c> stands for each layer) and shape, and whether save_pretrained leaves it out as a tied duplicate.</summary>
internal sealed record StateDictEntry(string Name, Func<ConfigSizes, long[]> Shape, bool Tied = false);

/// <summary>
/// What transformers' <c>model.state_dict()</c> holds for each architecture and head, transcribed from modeling_bert.py
/// and modeling_distilbert.py (the module attribute names are the keys; nn.Linear(in, out) stores weight [out, in]).
/// Since transformers 4.31 the embeddings register position_ids (and BERT's token_type_ids) with persistent=False, so no
/// buffer is listed. Every tensor is float32, as a float32 model saves.
/// </summary>
internal static class TransformersStateDicts
{
    /// <summary>BertModel: BertEmbeddings, BertEncoder's BertLayer per layer, and (add_pooling_layer=True) BertPooler.</summary>
    private static readonly StateDictEntry[] BertEncoder =
    [
        new("bert.embeddings.word_embeddings.weight", s => [s.Vocab, s.Hidden]),
        new("bert.embeddings.position_embeddings.weight", s => [s.Positions, s.Hidden]),
        new("bert.embeddings.token_type_embeddings.weight", s => [s.TokenTypes, s.Hidden]),
        new("bert.embeddings.LayerNorm.weight", s => [s.Hidden]),
        new("bert.embeddings.LayerNorm.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.attention.self.query.weight", s => [s.Hidden, s.Hidden]),
        new("bert.encoder.layer.{i}.attention.self.query.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.attention.self.key.weight", s => [s.Hidden, s.Hidden]),
        new("bert.encoder.layer.{i}.attention.self.key.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.attention.self.value.weight", s => [s.Hidden, s.Hidden]),
        new("bert.encoder.layer.{i}.attention.self.value.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.attention.output.dense.weight", s => [s.Hidden, s.Hidden]),
        new("bert.encoder.layer.{i}.attention.output.dense.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.attention.output.LayerNorm.weight", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.attention.output.LayerNorm.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.intermediate.dense.weight", s => [s.Intermediate, s.Hidden]),
        new("bert.encoder.layer.{i}.intermediate.dense.bias", s => [s.Intermediate]),
        new("bert.encoder.layer.{i}.output.dense.weight", s => [s.Hidden, s.Intermediate]),
        new("bert.encoder.layer.{i}.output.dense.bias", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.output.LayerNorm.weight", s => [s.Hidden]),
        new("bert.encoder.layer.{i}.output.LayerNorm.bias", s => [s.Hidden]),
    ];

    private static readonly StateDictEntry[] BertPooler =
    [
        new("bert.pooler.dense.weight", s => [s.Hidden, s.Hidden]),
        new("bert.pooler.dense.bias", s => [s.Hidden]),
    ];

    /// <summary>DistilBertModel: Embeddings (no token types) and Transformer's TransformerBlock per layer; it has no pooler.</summary>
    private static readonly StateDictEntry[] DistilBertEncoder =
    [
        new("distilbert.embeddings.word_embeddings.weight", s => [s.Vocab, s.Hidden]),
        new("distilbert.embeddings.position_embeddings.weight", s => [s.Positions, s.Hidden]),
        new("distilbert.embeddings.LayerNorm.weight", s => [s.Hidden]),
        new("distilbert.embeddings.LayerNorm.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.q_lin.weight", s => [s.Hidden, s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.q_lin.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.k_lin.weight", s => [s.Hidden, s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.k_lin.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.v_lin.weight", s => [s.Hidden, s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.v_lin.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.out_lin.weight", s => [s.Hidden, s.Hidden]),
        new("distilbert.transformer.layer.{i}.attention.out_lin.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.sa_layer_norm.weight", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.sa_layer_norm.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.ffn.lin1.weight", s => [s.Intermediate, s.Hidden]),
        new("distilbert.transformer.layer.{i}.ffn.lin1.bias", s => [s.Intermediate]),
        new("distilbert.transformer.layer.{i}.ffn.lin2.weight", s => [s.Hidden, s.Intermediate]),
        new("distilbert.transformer.layer.{i}.ffn.lin2.bias", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.output_layer_norm.weight", s => [s.Hidden]),
        new("distilbert.transformer.layer.{i}.output_layer_norm.bias", s => [s.Hidden]),
    ];

    /// <summary>DistilBERT's sequence-classification and multiple-choice heads: pre_classifier then classifier (dropout has no weights).</summary>
    private static readonly StateDictEntry PreClassifierWeight = new("pre_classifier.weight", s => [s.Hidden, s.Hidden]);
    private static readonly StateDictEntry PreClassifierBias = new("pre_classifier.bias", s => [s.Hidden]);

    /// <summary>Each head's state dict by its class name (config.json's architectures).</summary>
    public static IReadOnlyDictionary<string, StateDictEntry[]> ByArchitecture { get; } = new Dictionary<string, StateDictEntry[]>(StringComparer.Ordinal)
    {
        // BertModel(config) with the pooler; dropout, then classifier = nn.Linear(hidden_size, num_labels).
        ["BertForSequenceClassification"] = [.. BertEncoder, .. BertPooler, .. Classifier(s => s.Labels)],

        // BertModel(config, add_pooling_layer=False); classifier = nn.Linear(hidden_size, num_labels).
        ["BertForTokenClassification"] = [.. BertEncoder, .. Classifier(s => s.Labels)],

        // BertModel(config, add_pooling_layer=False); qa_outputs = nn.Linear(hidden_size, num_labels), num_labels 2.
        ["BertForQuestionAnswering"] = [.. BertEncoder, new("qa_outputs.weight", s => [2, s.Hidden]), new("qa_outputs.bias", _ => [2])],

        // BertModel(config) with the pooler; classifier = nn.Linear(hidden_size, 1) scores each choice.
        ["BertForMultipleChoice"] = [.. BertEncoder, .. BertPooler, .. Classifier(_ => 1)],

        // BertModel(config, add_pooling_layer=False); cls = BertOnlyMLMHead: predictions.transform (dense, LayerNorm),
        // predictions.decoder = nn.Linear(hidden_size, vocab_size, bias=False) with predictions.bias set as its bias.
        // _tied_weights_keys = ["predictions.decoder.bias", "cls.predictions.decoder.weight"]: save_pretrained drops
        // both (the decoder weight is the word embeddings, the decoder bias is predictions.bias) and keeps their owners.
        ["BertForMaskedLM"] =
        [
            .. BertEncoder,
            new("cls.predictions.bias", s => [s.Vocab]),
            new("cls.predictions.transform.dense.weight", s => [s.Hidden, s.Hidden]),
            new("cls.predictions.transform.dense.bias", s => [s.Hidden]),
            new("cls.predictions.transform.LayerNorm.weight", s => [s.Hidden]),
            new("cls.predictions.transform.LayerNorm.bias", s => [s.Hidden]),
            new("cls.predictions.decoder.weight", s => [s.Vocab, s.Hidden], Tied: true),
            new("cls.predictions.decoder.bias", s => [s.Vocab], Tied: true),
        ],

        // pre_classifier = nn.Linear(dim, dim), classifier = nn.Linear(dim, num_labels).
        ["DistilBertForSequenceClassification"] = [.. DistilBertEncoder, PreClassifierWeight, PreClassifierBias, .. Classifier(s => s.Labels)],

        // classifier = nn.Linear(hidden_size (dim), num_labels).
        ["DistilBertForTokenClassification"] = [.. DistilBertEncoder, .. Classifier(s => s.Labels)],

        // qa_outputs = nn.Linear(dim, num_labels), num_labels 2.
        ["DistilBertForQuestionAnswering"] = [.. DistilBertEncoder, new("qa_outputs.weight", s => [2, s.Hidden]), new("qa_outputs.bias", _ => [2])],

        // pre_classifier = nn.Linear(dim, dim), classifier = nn.Linear(dim, 1).
        ["DistilBertForMultipleChoice"] = [.. DistilBertEncoder, PreClassifierWeight, PreClassifierBias, .. Classifier(_ => 1)],
    };

    /// <summary>The head's state dict for these sizes, each layer's entries once per layer: (name, shape, tied).</summary>
    public static IReadOnlyList<(string Name, long[] Shape, bool Tied)> Expand(string architecture, ConfigSizes sizes) =>
        [.. ByArchitecture[architecture].SelectMany(entry => entry.Name.Contains("{i}", StringComparison.Ordinal)
            ? Enumerable.Range(0, sizes.Layers).Select(i => (entry.Name.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), entry.Shape(sizes), entry.Tied))
            : [(entry.Name, entry.Shape(sizes), entry.Tied)])];

    private static StateDictEntry[] Classifier(Func<ConfigSizes, long> outputs) =>
        [new("classifier.weight", s => [outputs(s), s.Hidden]), new("classifier.bias", s => [outputs(s)])];
}
