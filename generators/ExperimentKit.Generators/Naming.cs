using System.Text;

namespace ExperimentKit.Generators;

/// <summary>C# identifiers from YAML names: <c>mrpc-tiny</c> → <c>MrpcTiny</c>, <c>not_equivalent</c> → <c>NotEquivalent</c>, <c>0</c> → <c>Label0</c>.</summary>
internal static class Naming
{
    /// <summary>Every character that cannot be in an identifier separates words; each word starts upper-case.</summary>
    public static string PascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startWord = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startWord = true;
                continue;
            }

            builder.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        return builder.ToString();
    }

    /// <summary>A label name as an enum member; names that are empty or start with a digit get a <c>Label</c> prefix.</summary>
    public static string LabelMember(string label)
    {
        var identifier = PascalCase(label);
        return identifier.Length == 0 || char.IsDigit(identifier[0]) ? "Label" + identifier : identifier;
    }
}
