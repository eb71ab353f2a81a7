using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ExperimentKit.Experiments;
using ExperimentKit.IO;
using ExperimentKit.Runs;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Sweeps;
using ExperimentKit.Training;

namespace ExperimentKit.Sweeps;

/// <summary>
/// A sweep made concrete: every trial with its id, the swept parameters and the metric that ranks configurations
/// (metric_for_best_model, as for checkpoints; eval_loss when none). Kept as sweep.json, which `sweep collect` reads.
/// </summary>
public sealed record SweepPlan(
    string ExperimentFile,
    IReadOnlyList<SettingOverride> Overrides,
    IReadOnlyList<string> Parameters,
    string Metric,
    bool GreaterIsBetter,
    IReadOnlyList<SweepTrial> Trials)
{
    private const int IdLength = 12;

    /// <summary>
    /// The trials of <paramref name="sweep"/> over the experiment file with the command line's overrides. Each trial's
    /// id hashes the config.yaml it will write, which is the run's full resolved config.
    /// </summary>
    public static SweepPlan Create(string experimentFile, ExperimentSpec experiment, SweepSpec sweep, IReadOnlyList<SettingOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(sweep);
        var yaml = File.ReadAllText(experimentFile);
        var trials = new List<SweepTrial>();
        var byId = new Dictionary<string, SweepTrial>(StringComparer.Ordinal);
        foreach (var point in SweepPoints.Of(sweep))
        {
            IReadOnlyList<SettingOverride> trialOverrides = [.. overrides, .. point.Settings.Select(s => s.ToOverride())];
            var parsed = ExperimentSpecParser.Parse(experimentFile, yaml, trialOverrides);
            if (parsed.Spec is null)
            {
                var finding = parsed.Diagnostics[0];
                throw new ExperimentConfigurationException(experimentFile, finding.Location, finding.Id, $"sweep trial {point}: {finding.Message}");
            }

            var trial = new SweepTrial(trials.Count, IdOf(ResolvedConfigWriter.ToYaml(parsed.Spec)), point, trialOverrides);
            if (byId.TryGetValue(trial.Id, out var same))
            {
                throw new ExperimentConfigurationException(experimentFile, point.Settings[0].Location, SchemaRules.DuplicateKey.Id, $"sweep trials {same.Index} ({same.Point}) and {trial.Index} ({point}) are the same run; list each value once");
            }

            byId.Add(trial.Id, trial);
            trials.Add(trial);
        }

        var metric = ResolvedTraining.MetricForBestModel(experiment.Training) ?? ResolvedTraining.Loss;
        return new SweepPlan(
            experimentFile,
            overrides,
            [.. sweep.Parameters.Select(p => p.Path)],
            "eval_" + metric,
            ResolvedTraining.GreaterIsBetter(experiment.Training),
            trials);
    }

    /// <summary>The first hex digits of the SHA-256 of a trial's resolved config.</summary>
    public static string IdOf(string resolvedConfig) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resolvedConfig)))[..IdLength];

    /// <summary>Writes sweep.json atomically: every shard writes the same bytes, so whichever rename lands last changes nothing.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson().ToJsonString(LogHistoryJson.IndentedOptions) + "\n");

    public static SweepPlan Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a sweep plan (sweep.json)");
        try
        {
            var trials = json["trials"]!.AsArray().Select((node, index) =>
            {
                var trial = node!.AsObject();
                var configuration = trial["settings"]!.AsObject().Select(s => new SweptSetting(s.Key, default, s.Value!.GetValue<string>(), default));
                var seed = trial["seed"]?.GetValue<string>() is { } text ? new SweptSetting(SweepPoint.SeedPath, default, text, default) : (SweptSetting?)null;
                var overrides = trial["overrides"]!.AsArray().Select(o => SettingOverride.Parse(o!.GetValue<string>())!).ToArray();
                return new SweepTrial(index, trial["id"]!.GetValue<string>(), new SweepPoint(new EquatableArray<SweptSetting>(configuration), seed), overrides);
            }).ToArray();
            return new SweepPlan(
                json["experiment"]!.GetValue<string>(),
                [.. json["overrides"]!.AsArray().Select(o => SettingOverride.Parse(o!.GetValue<string>())!)],
                [.. json["parameters"]!.AsArray().Select(p => p!.GetValue<string>())],
                json["metric"]!.GetValue<string>(),
                json["greater_is_better"]!.GetValue<bool>(),
                trials);
        }
        catch (Exception exception) when (exception is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a sweep plan this version writes ({exception.Message}); run the sweep again to rewrite it", exception);
        }
    }

    private JsonObject ToJson() => new()
    {
        ["experiment"] = ExperimentFile,
        ["overrides"] = new JsonArray([.. Overrides.Select(o => (JsonNode)o.ToString())]),
        ["parameters"] = new JsonArray([.. Parameters.Select(p => (JsonNode)p)]),
        ["metric"] = Metric,
        ["greater_is_better"] = GreaterIsBetter,
        ["trials"] = new JsonArray([.. Trials.Select(t => (JsonNode)new JsonObject
        {
            ["id"] = t.Id,
            ["settings"] = new JsonObject(t.Point.Configuration.Select(s => KeyValuePair.Create(s.Path, (JsonNode?)s.Value))),
            ["seed"] = t.Seed,
            ["overrides"] = new JsonArray([.. t.Overrides.Select(o => (JsonNode)o.ToString())]),
        })]),
    };
}
