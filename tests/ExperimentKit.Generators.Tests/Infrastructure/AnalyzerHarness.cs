using System.Collections.Immutable;
using ExperimentKit.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExperimentKit.Generators.Tests.Infrastructure;

/// <summary>Compiles a snippet against the real TorchSharp 0.107 and runs <see cref="UnownedScalarAnalyzer"/> over it.</summary>
internal static class AnalyzerHarness
{
    private const string Usings = "using System.Diagnostics.CodeAnalysis;\nusing TorchSharp;\nusing static TorchSharp.torch;\n";

    /// <summary>The analyzer's findings, as <c>(line,column): EKxxxx 'located text'</c>, lines counted in <paramref name="code"/>.</summary>
    public static async Task<string[]> Findings(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(Usings + code, GeneratorHarness.ParseOptions);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnownedScalarAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var usingLines = Usings.Count(c => c == '\n');
        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return $"({position.Line - usingLines + 1},{position.Character + 1}): {d.Id} '{d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)}'";
            })
            .ToArray();
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(TorchSharp.Scalar).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());
}
