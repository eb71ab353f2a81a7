using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// The files sentence-transformers keeps beside a Hugging Face model: modules.json (the module chain),
/// 1_Pooling/config.json (the pooling modes) and sentence_bert_config.json (max_seq_length). Read into a
/// <see cref="SentencePooling"/>, and written by the import of an embedded model as the hub repository has them.
/// </summary>
public static class SentenceTransformerFiles
{
    public const string ModulesFile = "modules.json";
    public const string SentenceBertConfigFile = "sentence_bert_config.json";

    private const string TransformerModule = "sentence_transformers.models.Transformer";
    private const string PoolingModule = "sentence_transformers.models.Pooling";
    private const string NormalizeModule = "sentence_transformers.models.Normalize";

    /// <summary>The folder's pooling, or null when it has no modules.json (not a sentence-transformers model).</summary>
    /// <exception cref="InvalidDataException">A file is malformed, or names a module or pooling mode not implemented here.</exception>
    public static SentencePooling? Read(string folder)
    {
        var modulesPath = Path.Combine(folder, ModulesFile);
        if (!File.Exists(modulesPath))
        {
            return null;
        }

        var modules = Parse(modulesPath) as JsonArray ?? throw new InvalidDataException($"{modulesPath}: expected a JSON array of modules.");
        var pooling = SentencePooling.Default with { Mean = false };
        var hasPooling = false;
        var normalize = false;
        foreach (var module in modules)
        {
            var type = (string?)module?["type"];
            var path = (string?)module?["path"] ?? "";
            switch (type)
            {
                case TransformerModule:
                    break;
                case PoolingModule:
                    pooling = ReadPooling(Path.Combine(folder, path, "config.json"));
                    hasPooling = true;
                    break;
                case NormalizeModule:
                    normalize = true;
                    break;
                default:
                    throw new InvalidDataException(
                        $"{modulesPath}: module '{type}' is not supported; sentence embeddings here take {TransformerModule}, {PoolingModule} and {NormalizeModule}.");
            }
        }

        if (!hasPooling)
        {
            throw new InvalidDataException($"{modulesPath}: no {PoolingModule} module, so there is no sentence vector to take.");
        }

        return pooling with { Normalize = normalize, MaxSeqLength = ReadMaxSeqLength(Path.Combine(folder, SentenceBertConfigFile)) };
    }

    /// <summary>Writes the three files for a model of <paramref name="dimension"/>-wide token vectors.</summary>
    public static void Write(string folder, SentencePooling pooling, int dimension)
    {
        ArgumentNullException.ThrowIfNull(pooling);
        var modules = new JsonArray(
            Module(0, "", TransformerModule),
            Module(1, "1_Pooling", PoolingModule));
        if (pooling.Normalize)
        {
            modules.Add(Module(2, "2_Normalize", NormalizeModule));
            Directory.CreateDirectory(Path.Combine(folder, "2_Normalize"));
        }

        Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
        var options = new JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"), new JsonObject
        {
            ["word_embedding_dimension"] = dimension,
            ["pooling_mode_cls_token"] = pooling.Cls,
            ["pooling_mode_mean_tokens"] = pooling.Mean,
            ["pooling_mode_max_tokens"] = pooling.Max,
            ["pooling_mode_mean_sqrt_len_tokens"] = pooling.MeanSqrtLength,
        }.ToJsonString(options));
        var bertConfig = new JsonObject { ["do_lower_case"] = false };
        if (pooling.MaxSeqLength is { } maxSeqLength)
        {
            bertConfig["max_seq_length"] = maxSeqLength;
        }

        File.WriteAllText(Path.Combine(folder, SentenceBertConfigFile), bertConfig.ToJsonString(options));
        File.WriteAllText(Path.Combine(folder, ModulesFile), modules.ToJsonString(options));
    }

    private static JsonObject Module(int index, string path, string type) =>
        new() { ["idx"] = index, ["name"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture), ["path"] = path, ["type"] = type };

    private static SentencePooling ReadPooling(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: the Pooling module's config.json is missing.");
        }

        var config = Parse(path) as JsonObject ?? throw new InvalidDataException($"{path}: expected a JSON object.");
        bool Mode(string key) => config[key] is JsonValue value && value.TryGetValue(out bool on) && on;
        foreach (var unsupported in new[] { "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken" })
        {
            if (Mode(unsupported))
            {
                throw new InvalidDataException($"{path}: {unsupported} is not supported; cls, max, mean and mean_sqrt_len pooling are.");
            }
        }

        var pooling = new SentencePooling(
            Mode("pooling_mode_cls_token"), Mode("pooling_mode_max_tokens"), Mode("pooling_mode_mean_tokens"), Mode("pooling_mode_mean_sqrt_len_tokens"), Normalize: false, MaxSeqLength: null);
        return pooling is { Cls: false, Max: false, Mean: false, MeanSqrtLength: false }
            ? throw new InvalidDataException($"{path}: no pooling mode is on.")
            : pooling;
    }

    private static int? ReadMaxSeqLength(string path) =>
        File.Exists(path) && Parse(path)?["max_seq_length"] is JsonValue value && value.TryGetValue(out int length) ? length : null;

    private static JsonNode? Parse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }
    }
}
