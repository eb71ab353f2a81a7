using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExperimentKit.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="ExperimentGenerator"/> in a CSharpGeneratorDriver, with step tracking on.</summary>
internal static class GeneratorHarness
{
    /// <summary>Where the in-memory project lives; diagnostics paths are shown relative to it.</summary>
    public const string ProjectRoot = "/project/";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params SyntaxTree[] trees) => CSharpCompilation.Create(
        "Experiments",
        trees,
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params AdditionalText[] files) => CSharpGeneratorDriver.Create(
        [new ExperimentGenerator().AsSourceGenerator()],
        files,
        ParseOptions,
        optionsProvider: null,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AdditionalText File(string relativePath, string text) => new InMemoryAdditionalText(ProjectRoot + relativePath, text);

    public static GeneratorRunResult Run(params AdditionalText[] files) =>
        Driver(files).RunGenerators(Compilation()).GetRunResult().Results.Single();

    /// <summary>The generator's output compiled with the runtime contract stubs (<see cref="RuntimeContract"/>).</summary>
    public static Compilation CompileAgainstContract(params AdditionalText[] files)
    {
        var contract = CSharpSyntaxTree.ParseText(RuntimeContract.Source, ParseOptions);
        Driver(files).RunGeneratorsAndUpdateCompilation(Compilation(contract), out var output, out _);
        return output;
    }

    /// <summary>Warnings and errors of a compilation, as text for an assertion message.</summary>
    public static IEnumerable<string> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString());

    /// <summary>As the build log prints it, with the project folder cut off: <c>experiments/x.yaml(3,5): error EK0101: ...</c>.</summary>
    public static string Format(Diagnostic diagnostic) =>
        diagnostic.ToString().Replace(ProjectRoot, string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// The framework the tests run on, plus the schema library the generated code uses; not TorchSharp (which the
    /// analyzer tests load), since <see cref="RuntimeContract"/> stands in for it.
    /// </summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) != "TorchSharp.dll")
            .Append(typeof(ExperimentKit.Schema.Model.ExperimentSpec).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());
}
