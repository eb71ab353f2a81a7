using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExperimentKit.Generators.Model;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExperimentKit.Generators;

/// <summary>Additional file → <see cref="ParsedExperiment"/>: the schema library does the reading; this adds what only C# cares about.</summary>
internal static class ExperimentParser
{
    public static ExperimentInput Read(AdditionalText file, CancellationToken cancellationToken) =>
        new(file.Path, ExperimentFiles.SourceFile(file.Path), file.GetText(cancellationToken)?.ToString() ?? string.Empty);

    public static ParsedExperiment Parse(ExperimentInput input, CancellationToken cancellationToken)
    {
        var text = SourceText.From(input.Text);
        var result = ExperimentSpecParser.Parse(input.SourceFile, input.Text);
        cancellationToken.ThrowIfCancellationRequested();

        var diagnostics = result.Diagnostics.Select(d => new DiagnosticInfo(d.Id, d.Message, Place(input, text, d.Location))).ToList();
        ExperimentModel? model = null;
        if (result.Spec is { } spec)
        {
            var labels = Labels(spec.Dataset.LabelNames);
            var clash = labels.GroupBy(l => l.Identifier).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                var names = string.Join(", ", clash.Select(l => "'" + l.Name + "'"));
                diagnostics.Add(new DiagnosticInfo(
                    SchemaRules.LabelIdentifierClash.Id,
                    $"label names {names} all become the C# name '{clash.Key}'; rename one of them",
                    Place(input, text, spec.Locations.Find("dataset.label_names") ?? new SourceLocation(1, 1))));
            }
            else
            {
                // Locations are for findings only; leaving them out keeps the model equal when only lines move.
                var withoutLocations = spec with { Locations = new SourceMap(input.SourceFile, EquatableArray<SourceMapEntry>.Empty) };
                model = new ExperimentModel(input.SourceFile, Naming.PascalCase(spec.Name), withoutLocations, new EquatableArray<LabelMember>(labels));
            }
        }

        var namePlace = Place(input, text, result.Spec?.Locations.Find("name") ?? new SourceLocation(1, 1));
        return new ParsedExperiment(model?.Spec.Name, namePlace, model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static List<LabelMember> Labels(EquatableArray<string> names) =>
        names.Select((name, id) => new LabelMember(Naming.LabelMember(name), name, id)).ToList();

    private static FilePlace Place(ExperimentInput input, SourceText text, SourceLocation location)
    {
        var line = System.Math.Min(location.Line - 1, text.Lines.Count - 1);
        var offset = line < 0 ? 0 : System.Math.Min(text.Lines[line].Start + location.Column - 1, text.Lines[line].End);
        return new FilePlace(input.Path, location, offset);
    }
}
