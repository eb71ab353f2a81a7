using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExperimentKit.Models;

/// <summary>config.json in the layout transformers writes: snake_case keys, sorted, two-space indent.</summary>
public abstract partial record PretrainedConfig
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>
    /// The transformers release whose config.json and state-dict layout this writes (torch_dtype, not yet dtype; position_ids
    /// not persistent), written as transformers_version as save_pretrained does.
    /// </summary>
    public const string TransformersVersion = "4.44.2";

    /// <summary>Keys derived from the model when writing, so a read value is not kept (it would go stale).</summary>
    private static readonly string[] DerivedKeys = ["torch_dtype", "transformers_version", "experimentkit_version"];

    /// <summary>The model types <see cref="FromJson"/> reads, as config.json's <c>model_type</c> spells them.</summary>
    public static IReadOnlyList<string> SupportedModelTypes { get; } = ["bert", "distilbert"];

    /// <summary>Reads a config.json as the config type its <c>model_type</c> names (HF <c>AutoConfig</c>).</summary>
    public static PretrainedConfig Load(string path) => FromJson(ReadFile(path), path);

    /// <param name="source">Names the file in error messages.</param>
    public static PretrainedConfig FromJson(string json, string source = "config.json")
    {
        var reader = ConfigReader.Parse(json, source);
        return reader.Peek("model_type") switch
        {
            "bert" => new BertConfig().WithKeysFrom(reader),
            "distilbert" => new DistilBertConfig().WithKeysFrom(reader),
            var other => throw new InvalidDataException(
                $"{source}: model_type {(other is null ? "is missing" : $"'{other}' is not supported")}; supported: {string.Join(", ", SupportedModelTypes)}."),
        };
    }

    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToJson());
        File.Move(temp, path, overwrite: true);
    }

    public string ToJson()
    {
        var keys = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in Extra)
        {
            keys[key] = value?.DeepClone();
        }

        keys["architectures"] = new JsonArray([.. Architectures.Select(a => JsonValue.Create(a))]);
        keys["experimentkit_version"] = typeof(PretrainedConfig).Assembly.GetName().Version?.ToString(3);
        keys["torch_dtype"] = "float32";
        keys["transformers_version"] = TransformersVersion;
        keys["model_type"] = ModelType;
        foreach (var key in OwnKeys.Keys)
        {
            var value = OwnKeys.Get(this, key);
            if (key.WrittenAtDefault || !Equals(value, key.Default))
            {
                keys[key.Name] = ToNode(value);
            }
        }

        if (ProblemType is not null)
        {
            keys["problem_type"] = ProblemType;
        }

        // save_pretrained leaves out what equals PretrainedConfig's defaults: two labels named LABEL_0 and LABEL_1.
        if (Id2Label.Count > 0 && !HasDefaultLabels)
        {
            keys["id2label"] = SortedObject(Id2Label.Select(kv => (kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)kv.Value)));
        }

        if (Label2Id.Count > 0 && !HasDefaultLabels)
        {
            keys["label2id"] = SortedObject(Label2Id.Select(kv => (kv.Key, (JsonNode?)kv.Value)));
        }

        var root = SortedObject(keys.Select(kv => (kv.Key, kv.Value)));
        return root.ToJsonString(WriteOptions) + "\n";
    }

    private bool HasDefaultLabels =>
        Id2Label.Count == 2 && Id2Label.GetValueOrDefault(0) == "LABEL_0" && Id2Label.GetValueOrDefault(1) == "LABEL_1"
        && Label2Id.Count == 2 && Label2Id.GetValueOrDefault("LABEL_0") == 0 && Label2Id.GetValueOrDefault("LABEL_1") == 1;

    /// <summary>Value equality through the written form: the dictionaries and <see cref="Extra"/> would otherwise compare by reference.</summary>
    public virtual bool Equals(PretrainedConfig? other) => other is not null && EqualityContract == other.EqualityContract && ToJson() == other.ToJson();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    private protected static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"{path}: no config.json there.", path, e);
        }
    }

    /// <summary>
    /// This config with config.json's keys: model_type and the type's own keys (an absent one keeps its default), then the
    /// shared ones; what is left becomes <see cref="Extra"/>.
    /// </summary>
    private protected PretrainedConfig WithKeysFrom(ConfigReader reader)
    {
        var config = this with { ModelType = reader.String("model_type") ?? ModelType };
        foreach (var key in OwnKeys.Keys)
        {
            // A fresh copy no one else holds yet, so its init-only properties may still be set.
            OwnKeys.Set(config, key, reader.Value(key) ?? key.Default);
        }

        config = config with
        {
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

    /// <summary>A key's value as transformers writes it: null as JSON null (HF's None).</summary>
    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        int number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        string text => JsonValue.Create(text),
        _ => throw new NotSupportedException($"no config.json form for a {value.GetType().Name}"),
    };

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
}
