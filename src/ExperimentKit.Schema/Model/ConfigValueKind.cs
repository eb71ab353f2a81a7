namespace ExperimentKit.Schema.Model;

/// <summary>The kind of value a config key holds, and so its C# type on the spec record and the runtime config.</summary>
public enum ConfigValueKind
{
    /// <summary><c>int</c>.</summary>
    Integer,

    /// <summary><c>double</c>.</summary>
    Number,

    /// <summary><c>double?</c>: HF's None means "not set" (classifier_dropout: use hidden_dropout_prob).</summary>
    OptionalNumber,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary><c>string</c>, from a fixed set when the key has choices.</summary>
    Text,
}
