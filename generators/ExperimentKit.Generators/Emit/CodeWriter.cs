using System;
using System.Text;

namespace ExperimentKit.Generators.Emit;

/// <summary>
/// Lines of C# with four-space indentation and '\n' line ends. (IndentedTextWriter would indent blank lines too,
/// leaving trailing spaces in the generated file.)
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', indent * 4).Append(line);
        }

        text.Append('\n');
    }

    /// <summary>Writes <c>{</c>, the body one level deeper, then <c>}</c> plus an optional terminator.</summary>
    public void Block(Action body, string terminator = "")
    {
        Line("{");
        Indented(body);
        Line("}" + terminator);
    }

    public void Indented(Action body)
    {
        indent++;
        body();
        indent--;
    }

    public override string ToString() => text.ToString();
}
