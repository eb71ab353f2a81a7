using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema;
using Microsoft.CodeAnalysis;

namespace ExperimentKit.Generators;

/// <summary>
/// One DiagnosticDescriptor per EK id. Ids are literals because the analyzer-release tracking reads them from this
/// file; titles come from the schema's rule table, and a test checks both tables hold the same ids.
/// </summary>
internal static class Descriptors
{
    private const string Category = "ExperimentKit";

    public static readonly DiagnosticDescriptor YamlSyntax = new("EK0001", SchemaRules.YamlSyntax.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKey = new("EK0101", SchemaRules.UnknownKey.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WrongValueType = new("EK0102", SchemaRules.WrongValueType.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingKey = new("EK0103", SchemaRules.MissingKey.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateKey = new("EK0104", SchemaRules.DuplicateKey.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor HiddenSizeNotDivisible = new("EK0201", SchemaRules.HiddenSizeNotDivisible.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MetricDoesNotFitTask = new("EK0202", SchemaRules.MetricDoesNotFitTask.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingSettings = new("EK0203", SchemaRules.ConflictingSettings.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TaskNotImplemented = new("EK0204", SchemaRules.TaskNotImplemented.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OutOfRange = new("EK0205", SchemaRules.OutOfRange.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotSweepable = new("EK0206", SchemaRules.NotSweepable.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateExperimentName = new("EK0301", SchemaRules.DuplicateExperimentName.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LabelIdentifierClash = new("EK0302", SchemaRules.LabelIdentifierClash.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new("EK0901", SchemaRules.InternalError.Title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        YamlSyntax,
        UnknownKey,
        WrongValueType,
        MissingKey,
        DuplicateKey,
        HiddenSizeNotDivisible,
        MetricDoesNotFitTask,
        ConflictingSettings,
        TaskNotImplemented,
        OutOfRange,
        NotSweepable,
        DuplicateExperimentName,
        LabelIdentifierClash,
        InternalError,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor For(string id) => ById[id];
}
