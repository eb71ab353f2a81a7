using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// The `sweep:` section. Whether each swept value is a valid setting is not decided here: the validator applies every
/// point to the experiment and reads it again, so a swept value gets exactly the findings a written one would.
/// <code>
/// sweep:
///   method: grid                        # or random (then num_trials, and seed for the draws)
///   parameters:
///     training.learning_rate: [2.0e-5, 5.0e-5]
///     training.warmup_ratio: {distribution: uniform, low: 0.0, high: 0.2}   # random only
///   seeds: [42, 1, 2]                   # every point runs once per seed
/// </code>
/// </summary>
internal static class SweepSection
{
    private static readonly ScalarType<object> Method = ScalarTypes.Choice(SweepKeys.Method);
    private static readonly ScalarType<object> Distribution = ScalarTypes.Choice(SweepKeys.Distribution.Kind);

    public static SweepSpec Read(MappingReader root, ParseContext context)
    {
        var r = root.Section(ExperimentKeys.Sweep, "sweep keys such as parameters and seeds", SweepKeys.All.Select(k => k.Name));
        var method = (SweepMethod)r.Read<object>(SweepKeys.Method.Name, SweepMethod.Grid, Method);
        var parameters = Parameters(r, context, method);
        var seeds = Seeds(r, context);
        var numTrials = r.Read("num_trials", 0, ScalarTypes.Integer);
        var samplerSeed = r.Read("seed", 0, ScalarTypes.Integer);
        if (method == SweepMethod.Random && !r.Has("num_trials"))
        {
            context.Report(SchemaRules.MissingKey, r.Start, "a random sweep needs 'num_trials', the number of points to draw");
        }
        else if (method == SweepMethod.Grid && (r.Peek("num_trials") ?? r.Peek("seed")) is { } randomOnly)
        {
            context.Report(SchemaRules.ConflictingSettings, randomOnly.Start, "'num_trials' and 'seed' choose a random sweep's draws; a grid runs every combination (set method: random, or remove them)");
        }
        else if (numTrials < 0 || (method == SweepMethod.Random && numTrials == 0))
        {
            context.Report(SchemaRules.OutOfRange, r.Peek("num_trials")!.Start, $"'num_trials' must be at least 1, got {numTrials}");
        }

        r.ReportUnknownKeys();
        return new SweepSpec(method, parameters, seeds, numTrials, samplerSeed, r.Start);
    }

    private static EquatableArray<SweepParameter> Parameters(MappingReader r, ParseContext context, SweepMethod method)
    {
        var parameters = new List<SweepParameter>();
        switch (r.Value("parameters"))
        {
            case null:
                context.Report(SchemaRules.MissingKey, r.Start, "a sweep needs 'parameters': setting paths such as training.learning_rate, each with the values to try");
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (Parameter(context, entry, method) is { } parameter)
                    {
                        parameters.Add(parameter);
                    }
                }

                if (mapping.Entries.Count == 0)
                {
                    context.Report(SchemaRules.MissingKey, mapping.Start, "'parameters' is empty; name at least one setting to sweep");
                }

                break;
            case var other:
                context.Report(SchemaRules.WrongValueType, other.Start, $"'parameters' must be a mapping of setting paths (training.learning_rate: [2.0e-5, 5.0e-5]), got {other.Describe()}");
                break;
        }

        return new EquatableArray<SweepParameter>(parameters);
    }

    private static SweepParameter? Parameter(ParseContext context, YamlEntry entry, SweepMethod method)
    {
        var path = entry.Key.Value;
        context.Locate("sweep.parameters." + path, entry.Value.Start);
        switch (entry.Value)
        {
            case YamlSequence list:
                return Values(context, path, list) is { Count: > 0 } values
                    ? new SweepParameter(path, entry.Key.Start, SweepDistribution.Choice, values, 0, 0)
                    : null;
            case YamlMapping distribution when method == SweepMethod.Random:
                return FromDistribution(context, path, entry.Key.Start, distribution);
            case YamlMapping distribution:
                context.Report(SchemaRules.ConflictingSettings, distribution.Start, $"a grid tries listed values; write '{path}' as a list, or set method: random to draw it from a distribution");
                return null;
            case var other:
                context.Report(SchemaRules.WrongValueType, other.Start, $"'{path}' must be a list of values to try{(method == SweepMethod.Random ? " or a distribution mapping" : string.Empty)}, got {other.Describe()}");
                return null;
        }
    }

    private static EquatableArray<SweptValue>? Values(ParseContext context, string path, YamlSequence list)
    {
        if (list.Items.Count == 0)
        {
            context.Report(SchemaRules.MissingKey, list.Start, $"'{path}' lists no values; give at least one");
            return null;
        }

        var values = list.Items.Select(item => new SweptValue(YamlText.Of(item), item.Start)).ToList();
        foreach (var repeated in values.GroupBy(v => v.Text).Where(g => g.Count() > 1))
        {
            context.Report(SchemaRules.DuplicateKey, repeated.ElementAt(1).Location, $"'{path}' lists {repeated.Key} twice; each value runs once");
        }

        return new EquatableArray<SweptValue>(values);
    }

    private static SweepParameter? FromDistribution(ParseContext context, string path, SourceLocation at, YamlMapping mapping)
    {
        var d = new MappingReader(context, "sweep.parameters." + path, mapping, SweepKeys.Distribution.All.Select(k => k.Name));
        var written = d.Has("distribution");
        if (d.Read<object?>(SweepKeys.Distribution.Kind.Name, null, Distribution!) is not SweepDistribution kind)
        {
            if (!written)
            {
                context.Report(SchemaRules.MissingKey, mapping.Start, $"'{path}' needs 'distribution': one of choice, uniform, log_uniform (or loguniform), int");
            }

            // Which keys belong depends on the distribution, so the rest is not judged until it is known.
            return null;
        }

        if (kind == SweepDistribution.Choice)
        {
            var values = d.Value("values") is YamlSequence list ? Values(context, path, list) : null;
            if (values is null && !d.Has("values"))
            {
                context.Report(SchemaRules.MissingKey, mapping.Start, $"a choice needs 'values', the list to draw '{path}' from");
            }

            d.ReportUnknownKeys();
            return values is { } chosen ? new SweepParameter(path, at, kind, chosen, 0, 0) : null;
        }

        var low = d.Read("low", double.NaN, ScalarTypes.Number);
        var high = d.Read("high", double.NaN, ScalarTypes.Number);
        d.ReportUnknownKeys();
        foreach (var bound in new[] { "low", "high" }.Where(b => !d.Has(b)))
        {
            context.Report(SchemaRules.MissingKey, mapping.Start, $"a {SnakeCase.From(kind.ToString())} distribution needs '{bound}'");
        }

        if (double.IsNaN(low) || double.IsNaN(high))
        {
            return null;
        }

        if (low > high)
        {
            context.Report(SchemaRules.OutOfRange, d.Peek("low")!.Start, $"'low' ({low}) must not be above 'high' ({high})");
        }
        else if (kind == SweepDistribution.LogUniform && low <= 0)
        {
            context.Report(SchemaRules.OutOfRange, d.Peek("low")!.Start, $"a loguniform distribution needs 'low' above 0, got {low}");
        }
        else if (kind == SweepDistribution.Int && (low != System.Math.Floor(low) || high != System.Math.Floor(high)))
        {
            context.Report(SchemaRules.WrongValueType, d.Peek("low")!.Start, "an int distribution needs integer 'low' and 'high'");
        }

        return new SweepParameter(path, at, kind, EquatableArray<SweptValue>.Empty, low, high);
    }

    private static EquatableArray<SweptValue> Seeds(MappingReader r, ParseContext context)
    {
        var seeds = r.ReadList("seeds", ScalarTypes.Integer) ?? [];
        foreach (var repeated in seeds.GroupBy(s => s.Value).Where(g => g.Count() > 1))
        {
            context.Report(SchemaRules.DuplicateKey, repeated.ElementAt(1).Location, $"seed {repeated.Key} is listed twice; each seed runs once");
        }

        return new EquatableArray<SweptValue>(seeds.Select(s => new SweptValue(s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Location)));
    }
}
