using System;
using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using ExperimentKit.Schema.Sweeps;

namespace ExperimentKit.Schema.Validation;

/// <summary>
/// A sweep is valid when every trial it declares is a valid experiment. Each configuration (and each seed) is written
/// over the experiment and read again; its findings are reported at the swept value, so `learning_rate: [1e-5, fast]`
/// fails the build at `fast` with the message a written `learning_rate: fast` gets. A finding elsewhere (a combination
/// of values that does not fit) is reported at the configuration's first value, naming the combination.
/// </summary>
internal static class SweepValidator
{
    /// <summary>More trials than this is a typo (a grid over a long list), not a sweep anyone will run.</summary>
    public const int MaxTrials = 10_000;

    public static void Validate(ParseContext context, ExperimentSpec experiment, SweepSpec sweep, Func<IReadOnlyList<SweptSetting>, SchemaResult> reread)
    {
        if (!PathsAreSweepable(context, sweep))
        {
            return;
        }

        if (SweepPoints.Count(sweep) is var count and > MaxTrials)
        {
            context.Report(SchemaRules.OutOfRange, sweep.Location, $"the sweep declares {count} trials; at most {MaxTrials} (split it into several experiments)");
            return;
        }

        var reported = new HashSet<SchemaDiagnostic>();
        foreach (var configuration in SweepPoints.Of(sweep).Select(p => p.Configuration).Distinct())
        {
            Check(context, experiment, configuration, reread, reported);
        }

        foreach (var seed in sweep.Seeds)
        {
            Check(context, experiment, [new SweptSetting(SweepPoint.SeedPath, seed.Location, seed.Text, seed.Location)], reread, reported);
        }
    }

    private static bool PathsAreSweepable(ParseContext context, SweepSpec sweep)
    {
        var sweepable = true;
        foreach (var parameter in sweep.Parameters)
        {
            var why = parameter.Path switch
            {
                SweepPoint.SeedPath => "seeds are swept by the sweep's 'seeds: [...]', which every configuration runs with",
                "name" => "the name is the compiled experiment's; a sweep runs one experiment",
                "training.output_dir" => "the sweep gives each trial its own folder under the experiment's output_dir",
                _ when parameter.Path == "sweep" || parameter.Path.StartsWith("sweep.", StringComparison.Ordinal) => "a sweep cannot sweep itself",
                _ => null,
            };
            if (why is not null)
            {
                context.Report(SchemaRules.NotSweepable, parameter.Location, $"'{parameter.Path}' cannot be swept: {why}");
                sweepable = false;
            }
        }

        foreach (var repeated in sweep.Parameters.GroupBy(p => p.Path).Where(g => g.Count() > 1))
        {
            context.Report(SchemaRules.DuplicateKey, repeated.ElementAt(1).Location, $"'{repeated.Key}' is swept twice; list all its values once");
            sweepable = false;
        }

        return sweepable;
    }

    private static void Check(
        ParseContext context,
        ExperimentSpec experiment,
        IReadOnlyList<SweptSetting> settings,
        Func<IReadOnlyList<SweptSetting>, SchemaResult> reread,
        HashSet<SchemaDiagnostic> reported)
    {
        var result = reread(settings);
        var places = new HashSet<SourceLocation>(settings.SelectMany(s => new[] { s.Location, s.PathLocation }));
        foreach (var finding in result.Diagnostics)
        {
            var placed = places.Contains(finding.Location)
                ? finding
                : finding with { Location = settings[0].Location, Message = $"with {string.Join(", ", settings)}: {finding.Message}" };
            if (reported.Add(placed))
            {
                context.Report(placed);
            }
        }

        if (result.Spec is { } trial && TypeShapingSettings.Changes(experiment, trial) is { Count: > 0 } changed)
        {
            var finding = new SchemaDiagnostic(
                SchemaRules.NotSweepable.Id,
                SchemaRules.NotSweepable.Severity,
                $"{string.Join(", ", settings)} changes {string.Join(", ", changed)}, which the compiled label enum, batch and model class are built from; declare one experiment per value instead",
                settings[0].Location);
            if (reported.Add(finding))
            {
                context.Report(finding);
            }
        }
    }
}
