using System.Diagnostics;
using ExperimentKit.Schema;
using YamlDotNet.RepresentationModel;

namespace ExperimentKit.Tests.Sweeps;

/// <summary>
/// The cluster recipes in docs/recipes, checked where no cluster runs them: the Kubernetes Indexed Job's structure and
/// its agreement with the image and the experiment; the sbatch script's syntax (<see cref="SweepEndToEndTests"/> runs
/// it as two array tasks).
/// </summary>
public sealed class SweepRecipeTests
{
    private static string Recipe(params string[] parts) => Path.Combine([TestData.RepositoryRoot, "docs", "recipes", .. parts]);

    private static YamlMappingNode Manifest()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Recipe("kubernetes", "sweep-job.yaml"))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_kubernetes_recipe_is_an_indexed_job_whose_shards_are_its_completions()
    {
        var job = Manifest();
        var container = (YamlMappingNode)((YamlSequenceNode)At(job, "spec", "template", "spec", "containers")).Children.Single();
        var args = ((YamlSequenceNode)At(container, "args")).Children.Select(a => ((YamlScalarNode)a).Value!).ToArray();

        Assert.Equal(("batch/v1", "Job"), (Text(job, "apiVersion"), Text(job, "kind")));
        Assert.Equal("Indexed", Text(job, "spec", "completionMode"));
        Assert.Equal("Never", Text(job, "spec", "template", "spec", "restartPolicy"));
        Assert.Equal("sweep", args[0]);
        Assert.Equal(Text(job, "spec", "completions"), args[Array.IndexOf(args, "--shards") + 1]);
        Assert.Equal(Text(container, "resources", "requests", "cpu"), args[Array.IndexOf(args, "--threads") + 1]);
        Assert.True(int.Parse(Text(job, "spec", "parallelism"), System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(Text(job, "spec", "completions"), System.Globalization.CultureInfo.InvariantCulture));

        // The experiment it names is one the image compiles, and it has a sweep.
        var experiment = Path.Combine(TestData.RepositoryRoot, args[1]);
        Assert.NotNull(ExperimentSpecParser.Parse(experiment, File.ReadAllText(experiment)).Sweep);

        // Trials write where every pod sees them: the runs volume under the image's working folder.
        var mounts = ((YamlSequenceNode)At(container, "volumeMounts")).Children.ToDictionary(m => Text(m, "name"), m => Text(m, "mountPath"));
        Assert.Equal("/workspace/runs", mounts["runs"]);
        Assert.Contains(((YamlSequenceNode)At(container, "env")).Children, e => Text(e, "name") == "EXPERIMENTKIT_DATA_ROOT" && Text(e, "value") == mounts["data"]);
    }

    [Fact]
    public void The_image_runs_the_program_from_the_working_folder_the_job_mounts_runs_into()
    {
        var dockerfile = File.ReadAllLines(Recipe("container", "Dockerfile"));

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile);
        Assert.Contains("RUN dotnet build ExperimentKit.Cli.csproj -c Release -o /app", dockerfile);
        Assert.Contains("WORKDIR /workspace", dockerfile);
        Assert.Contains("COPY experiments /workspace/experiments", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/ExperimentKit.Cli.dll\"]", dockerfile);
    }

    [Fact]
    public void The_slurm_script_is_valid_bash_that_takes_its_shard_from_the_array()
    {
        var script = Recipe("slurm", "sweep.sbatch");
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, errors);
        var text = File.ReadAllText(script);
        Assert.Contains("sweep \"$experiment\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--shard ", text, StringComparison.Ordinal);
    }
}
