using System.Text;

namespace ExperimentKit.Schema.Parsing;

/// <summary>C# member names to the snake_case the YAML (and Hugging Face) uses: <c>ConstantWithWarmup</c> → <c>constant_with_warmup</c>.</summary>
public static class SnakeCase
{
    public static string From(string pascalCase)
    {
        var builder = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
