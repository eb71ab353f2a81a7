using ExperimentKit.Schema;

namespace ExperimentKit.Generators;

/// <summary>C# identifiers from YAML names: <c>mrpc-tiny</c> → <c>MrpcTiny</c>, <c>not_equivalent</c> → <c>NotEquivalent</c>, <c>0</c> → <c>Label0</c>.</summary>
internal static class Naming
{
    /// <summary>The rule the runtime's <c>new</c> shares (<see cref="TypeNames"/>).</summary>
    public static string PascalCase(string name) => TypeNames.PascalCase(name);

    /// <summary>A label name as an enum member; names that are empty or start with a digit get a <c>Label</c> prefix.</summary>
    public static string LabelMember(string label)
    {
        var identifier = PascalCase(label);
        return identifier.Length == 0 || char.IsDigit(identifier[0]) ? "Label" + identifier : identifier;
    }
}
