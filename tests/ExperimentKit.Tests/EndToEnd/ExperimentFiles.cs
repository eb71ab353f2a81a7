using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using Spectre.Console;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>The repository's experiment files, parsed as the command line parses them.</summary>
internal static class ExperimentFiles
{
    public static string PathOf(string name) => Path.Combine(TestData.RepositoryRoot, "experiments", name);

    /// <summary>The spec of experiments/<paramref name="name"/>, writing its runs under <paramref name="outputDir"/>.</summary>
    public static ExperimentSpec Load(string name, string outputDir)
    {
        var path = PathOf(name);
        var parsed = ExperimentSpecParser.Parse(path, File.ReadAllText(path));
        Assert.Empty(parsed.Diagnostics);
        var spec = parsed.Spec!;
        return spec with { Training = spec.Training with { OutputDir = outputDir } };
    }

    /// <summary>Runs experiments/<paramref name="name"/> through its compiled experiment, quietly, writing under <paramref name="outputDir"/>.</summary>
    public static RunResult Run(IExperiment experiment, string name, string outputDir, Func<ExperimentSpec, ExperimentSpec>? adjust = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        // A fresh tokenization cache each run: tests never touch the user's cache.
        using var cache = new TemporaryFolder();
        var spec = Load(name, outputDir);
        return experiment.Run(adjust is null ? spec : adjust(spec), new RunSettings(PathOf(name), console, new TokenizationCache(cache.Path)));
    }
}
