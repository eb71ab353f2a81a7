using System.Collections.Generic;

namespace ExperimentKit.Schema;

/// <summary>One diagnostic id and what it is about; the generator turns each into a DiagnosticDescriptor.</summary>
public sealed record SchemaRule(string Id, string Title, DiagnosticSeverityKind Severity = DiagnosticSeverityKind.Error);

/// <summary>
/// Every EK id in one table. EK00xx: YAML itself; EK01xx: keys and value types; EK02xx: values that parse but
/// do not make a trainable experiment; EK03xx: the generator's own findings across files.
/// </summary>
public static class SchemaRules
{
    public static SchemaRule YamlSyntax { get; } = new("EK0001", "YAML syntax error");
    public static SchemaRule UnknownKey { get; } = new("EK0101", "Unknown key");
    public static SchemaRule WrongValueType { get; } = new("EK0102", "Wrong value type");
    public static SchemaRule MissingKey { get; } = new("EK0103", "Missing required key");
    public static SchemaRule DuplicateKey { get; } = new("EK0104", "Duplicate key or value");
    public static SchemaRule HiddenSizeNotDivisible { get; } = new("EK0201", "hidden_size (DistilBERT: dim) not divisible by num_attention_heads (n_heads)");
    public static SchemaRule MetricDoesNotFitTask { get; } = new("EK0202", "Metric or dataset does not fit the task");
    public static SchemaRule ConflictingSettings { get; } = new("EK0203", "Conflicting settings");
    public static SchemaRule TaskNotImplemented { get; } = new("EK0204", "Task type not implemented yet");
    public static SchemaRule OutOfRange { get; } = new("EK0205", "Value out of range");
    public static SchemaRule NotSweepable { get; } = new("EK0206", "Setting cannot be swept");
    public static SchemaRule InternalError { get; } = new("EK0901", "Internal error while reading the experiment");
    public static SchemaRule DuplicateExperimentName { get; } = new("EK0301", "Duplicate experiment name");
    public static SchemaRule LabelIdentifierClash { get; } = new("EK0302", "Label names clash as C# identifiers");

    public static IReadOnlyList<SchemaRule> All { get; } =
    [
        YamlSyntax, UnknownKey, WrongValueType, MissingKey, DuplicateKey,
        HiddenSizeNotDivisible, MetricDoesNotFitTask, ConflictingSettings, TaskNotImplemented, OutOfRange, NotSweepable,
        DuplicateExperimentName, LabelIdentifierClash, InternalError,
    ];
}
