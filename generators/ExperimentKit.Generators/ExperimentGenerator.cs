using System.Collections.Immutable;
using System.Linq;
using ExperimentKit.Generators.Emit;
using ExperimentKit.Generators.Model;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExperimentKit.Generators;

/// <summary>
/// experiments/*.yaml (AdditionalFiles) → one typed C# file per experiment, and located EK diagnostics.
/// Source output is keyed only on the location-free <see cref="ExperimentModel"/>; diagnostics flow apart, so an edit
/// that changes no setting emits nothing new.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExperimentGenerator : IIncrementalGenerator
{
    /// <summary>Step names, for tests that check what the driver cached.</summary>
    public static class Steps
    {
        public const string Input = nameof(Input);
        public const string Parse = nameof(Parse);
        public const string Duplicates = nameof(Duplicates);
        public const string Model = nameof(Model);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static file => ExperimentFiles.IsExperiment(file.Path))
            .Select(ExperimentParser.Read)
            .WithTrackingName(Steps.Input)
            .Select(ExperimentParser.Parse)
            .WithTrackingName(Steps.Parse);

        // Only names and places reach the cross-file check, so it reruns only when a name changes.
        var duplicates = parsed
            .Where(static p => p.Name is not null)
            .Select(static (p, _) => new NamedExperiment(p.Name!, p.NamePlace))
            .Collect()
            .Select(static (all, _) => FindDuplicates(all))
            .WithTrackingName(Steps.Duplicates);

        var models = parsed
            .Combine(duplicates)
            .Select(static (pair, _) => pair.Left.Model is { } model && !pair.Right.Any(d => d.Place == pair.Left.NamePlace) ? model : null)
            .WithTrackingName(Steps.Model);

        context.RegisterSourceOutput(models, static (output, model) =>
        {
            if (model is not null)
            {
                output.AddSource(ExperimentEmitter.HintName(model), ExperimentEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(parsed.Select(static (p, _) => p.Diagnostics), static (output, diagnostics) => Report(output, diagnostics));
        context.RegisterSourceOutput(duplicates, static (output, diagnostics) => Report(output, diagnostics));
    }

    /// <summary>Every experiment after the first (in AdditionalFiles order) that reuses a name.</summary>
    private static EquatableArray<DiagnosticInfo> FindDuplicates(ImmutableArray<NamedExperiment> all) =>
        new(all
            .Select((experiment, index) => (experiment, first: all.Take(index).FirstOrDefault(e => e.Name == experiment.Name)))
            .Where(pair => pair.first is not null)
            .Select(pair => new DiagnosticInfo(
                SchemaRules.DuplicateExperimentName.Id,
                $"experiment name '{pair.experiment.Name}' is already used by {ExperimentFiles.SourceFile(pair.first!.Place.Path)}; give this file its own 'name:'",
                pair.experiment.Place)));

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var place = diagnostic.Place;
            var position = new LinePosition(place.Location.Line - 1, place.Location.Column - 1);
            var location = Location.Create(place.Path, new TextSpan(place.Offset, 0), new LinePositionSpan(position, position));
            output.ReportDiagnostic(Diagnostic.Create(Descriptors.For(diagnostic.Id), location, diagnostic.Message));
        }
    }

    private sealed record NamedExperiment(string Name, FilePlace Place);
}
