using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// Every ```csharp block of README.md and docs/ compiles, as a program with top-level statements and the SDK's implicit
/// usings, against the assemblies this test runs with (the runtime, TorchSharp, the compiled experiments); every ```json
/// block parses. A block that cannot is marked not run, with the reason.
/// </summary>
public sealed class CSharpBlockTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path))]);

    public static TheoryData<string> CSharp => [.. DocFiles.Blocks.Where(b => b.Kind == BlockKind.CSharp).Select(b => b.Where)];

    [Theory]
    [MemberData(nameof(CSharp))]
    public void The_csharp_block_compiles(string where)
    {
        var block = DocFiles.Blocks.Single(b => b.Where == where);
        if (block.NotRun is { } notRun)
        {
            Assert.True(notRun.HasReason, $"{where}: <!-- not run: --> needs a reason");
            return;
        }

        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "DocBlock",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options), CSharpSyntaxTree.ParseText(block.Text, options, path: where)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, $"{where} does not compile:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void Every_json_block_parses()
    {
        foreach (var block in DocFiles.Blocks.Where(b => b.Kind == BlockKind.Json && b.NotRun is null))
        {
            var lines = block.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // A JSON Lines listing (one object per line) parses line by line.
            foreach (var json in lines.Length > 1 && lines.All(l => l.TrimStart().StartsWith('{') && l.TrimEnd().EndsWith('}')) ? lines : [block.Text])
            {
                var error = Record.Exception(() => JsonDocument.Parse(json).Dispose());
                Assert.True(error is null, $"{block.Where}: {error?.Message}");
            }
        }
    }
}
