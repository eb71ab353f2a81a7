using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExperimentKit.Models;

/// <summary>config.json in the layout transformers writes: snake_case keys, sorted, two-space indent.</summary>
public sealed partial record BertConfig
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>Keys derived from the model when writing, so a read value is not kept (it would go stale).</summary>
    private static readonly string[] DerivedKeys = ["torch_dtype", "experimentkit_version"];

    public static BertConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"{path}: no config.json there.", path, e);
        }

        return FromJson(text, path);
    }

    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToJson());
        File.Move(temp, path, overwrite: true);
    }

    /// <param name="source">Names the file in error messages.</param>
    public static BertConfig FromJson(string json, string source = "config.json")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new InvalidDataException($"{source}: the top level must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message}).", e);
        }

        var reader = new ConfigReader(root, source);
        var defaults = new BertConfig();
        var config = new BertConfig
        {
            ModelType = reader.String("model_type") ?? defaults.ModelType,
            VocabSize = reader.Int("vocab_size") ?? defaults.VocabSize,
            HiddenSize = reader.Int("hidden_size") ?? defaults.HiddenSize,
            NumHiddenLayers = reader.Int("num_hidden_layers") ?? defaults.NumHiddenLayers,
            NumAttentionHeads = reader.Int("num_attention_heads") ?? defaults.NumAttentionHeads,
            IntermediateSize = reader.Int("intermediate_size") ?? defaults.IntermediateSize,
            HiddenAct = reader.String("hidden_act") ?? defaults.HiddenAct,
            HiddenDropoutProb = reader.Double("hidden_dropout_prob") ?? defaults.HiddenDropoutProb,
            AttentionProbsDropoutProb = reader.Double("attention_probs_dropout_prob") ?? defaults.AttentionProbsDropoutProb,
            MaxPositionEmbeddings = reader.Int("max_position_embeddings") ?? defaults.MaxPositionEmbeddings,
            TypeVocabSize = reader.Int("type_vocab_size") ?? defaults.TypeVocabSize,
            InitializerRange = reader.Double("initializer_range") ?? defaults.InitializerRange,
            LayerNormEps = reader.Double("layer_norm_eps") ?? defaults.LayerNormEps,
            PadTokenId = reader.Int("pad_token_id") ?? defaults.PadTokenId,
            PositionEmbeddingType = reader.String("position_embedding_type") ?? defaults.PositionEmbeddingType,
            ClassifierDropout = reader.Double("classifier_dropout"),
            ProblemType = reader.String("problem_type"),
            Id2Label = reader.Id2Label("id2label"),
            Label2Id = reader.Label2Id("label2id"),
            Architectures = reader.Strings("architectures"),
        };
        foreach (var key in DerivedKeys)
        {
            reader.Skip(key);
        }

        return config with { Extra = reader.Unread() };
    }

    public string ToJson()
    {
        var keys = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in Extra)
        {
            keys[key] = value?.DeepClone();
        }

        keys["architectures"] = new JsonArray([.. Architectures.Select(a => JsonValue.Create(a))]);
        keys["attention_probs_dropout_prob"] = AttentionProbsDropoutProb;
        keys["classifier_dropout"] = ClassifierDropout;
        keys["experimentkit_version"] = typeof(BertConfig).Assembly.GetName().Version?.ToString(3);
        keys["hidden_act"] = HiddenAct;
        keys["hidden_dropout_prob"] = HiddenDropoutProb;
        keys["hidden_size"] = HiddenSize;
        keys["initializer_range"] = InitializerRange;
        keys["intermediate_size"] = IntermediateSize;
        keys["layer_norm_eps"] = LayerNormEps;
        keys["max_position_embeddings"] = MaxPositionEmbeddings;
        keys["model_type"] = ModelType;
        keys["num_attention_heads"] = NumAttentionHeads;
        keys["num_hidden_layers"] = NumHiddenLayers;
        keys["pad_token_id"] = PadTokenId;
        keys["position_embedding_type"] = PositionEmbeddingType;
        keys["torch_dtype"] = "float32";
        keys["type_vocab_size"] = TypeVocabSize;
        keys["vocab_size"] = VocabSize;
        if (ProblemType is not null)
        {
            keys["problem_type"] = ProblemType;
        }

        if (Id2Label.Count > 0)
        {
            keys["id2label"] = SortedObject(Id2Label.Select(kv => (kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)kv.Value)));
        }

        if (Label2Id.Count > 0)
        {
            keys["label2id"] = SortedObject(Label2Id.Select(kv => (kv.Key, (JsonNode?)kv.Value)));
        }

        var root = SortedObject(keys.Select(kv => (kv.Key, kv.Value)));
        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Value equality through the written form: the dictionaries and <see cref="Extra"/> would otherwise compare by reference.</summary>
    public bool Equals(BertConfig? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    /// <summary>Python's <c>json.dumps(sort_keys=True)</c> order: ordinal on the key text, so "10" sorts before "2".</summary>
    private static JsonObject SortedObject(IEnumerable<(string Key, JsonNode? Value)> entries)
    {
        var result = new JsonObject();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>Reads typed keys off a config object, removing each, so what is left is <see cref="Extra"/>.</summary>
    private sealed class ConfigReader(JsonObject root, string source)
    {
        public void Skip(string key) => root.Remove(key);

        public JsonObject Unread()
        {
            var rest = new JsonObject();
            foreach (var (key, value) in root)
            {
                rest[key] = value?.DeepClone();
            }

            return rest;
        }

        public string? String(string key) => Take(key) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => throw Bad(key, "a string"),
        };

        public int? Int(string key) => Take(key) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out int i) => i,
            _ => throw Bad(key, "an integer"),
        };

        public double? Double(string key) => Take(key) switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out double d) => d,
            _ => throw Bad(key, "a number"),
        };

        public ImmutableArray<string> Strings(string key) => Take(key) switch
        {
            null => [],
            JsonArray a when a.All(n => n is JsonValue v && v.TryGetValue(out string? _)) => [.. a.Select(n => n!.GetValue<string>())],
            _ => throw Bad(key, "an array of strings"),
        };

        public ImmutableSortedDictionary<int, string> Id2Label(string key)
        {
            var builder = ImmutableSortedDictionary.CreateBuilder<int, string>();
            foreach (var (id, name) in Map(key))
            {
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ||
                    name is not JsonValue v || !v.TryGetValue(out string? s))
                {
                    throw Bad(key, "an object mapping label ids (\"0\", \"1\", …) to names");
                }

                builder[i] = s;
            }

            return builder.ToImmutable();
        }

        public ImmutableSortedDictionary<string, int> Label2Id(string key)
        {
            var builder = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            foreach (var (name, id) in Map(key))
            {
                if (id is not JsonValue v || !v.TryGetValue(out int i))
                {
                    throw Bad(key, "an object mapping label names to integer ids");
                }

                builder[name] = i;
            }

            return builder.ToImmutable();
        }

        private JsonObject Map(string key) => Take(key) switch
        {
            null => [],
            JsonObject o => o,
            _ => throw Bad(key, "an object"),
        };

        /// <summary>The value under <paramref name="key"/>, with JSON null read as absent (HF writes null for unset options).</summary>
        private JsonNode? Take(string key)
        {
            if (!root.TryGetPropertyValue(key, out var node))
            {
                return null;
            }

            root.Remove(key);
            return node;
        }

        private InvalidDataException Bad(string key, string expected) =>
            new($"{source}: '{key}' must be {expected}.");
    }
}
