using System.Text;

namespace ExperimentKit.Schema;

/// <summary>
/// The C# name an experiment's generated types start with (<c>mrpc-tiny</c> → <c>MrpcTiny</c>Config): one rule for
/// the source generator, which names them, and for <c>new</c>, which refuses a name whose types another file already makes.
/// </summary>
public static class TypeNames
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
}
