namespace ExperimentKit.Schema.Model;

/// <summary>The kind of value a section key holds, and so how the parser reads it and the JSON Schema types it.</summary>
public enum SectionValueKind
{
    /// <summary><c>int</c> (<c>int?</c> when optional).</summary>
    Integer,

    /// <summary><c>double</c> (<c>double?</c> when optional).</summary>
    Number,

    /// <summary><c>bool</c> (<c>bool?</c> when optional).</summary>
    Boolean,

    /// <summary><c>string</c>.</summary>
    Text,

    /// <summary>One of the key's <see cref="SectionKey.Choices"/>: an enum member, or a string (model_type).</summary>
    Choice,

    /// <summary>A <see cref="RowRange"/> such as '[:1000]'.</summary>
    Rows,

    /// <summary>A list of strings, each once.</summary>
    TextList,

    /// <summary>A label id or one of the dataset's class names (evaluate's pos_label).</summary>
    Label,

    /// <summary>A section of keys, with its own table.</summary>
    Mapping,

    /// <summary>A list of entries (`metrics:`).</summary>
    List,
}
