using ExperimentKit.Schema.Sweeps;
using ExperimentKit.Sweeps;

namespace ExperimentKit.Tests.Sweeps;

/// <summary>Which slice of a sweep a process runs: from --shard, a Slurm job array's variables or a Kubernetes Indexed Job's.</summary>
public sealed class ShardTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_shards_of_a_sweep_split_its_trials_without_overlap_or_gap()
    {
        var trials = Enumerable.Range(0, 11).Select(i => new SweepTrial(i, $"id{i}", new SweepPoint(default, null), [])).ToArray();

        var slices = Enumerable.Range(0, 3).Select(i => new Shard(i, 3).Select(trials).Select(t => t.Index).ToArray()).ToArray();

        Assert.Equal([0, 3, 6, 9], slices[0]);
        Assert.Equal(Enumerable.Range(0, 11), slices.SelectMany(s => s).Order());
    }

    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    public void Shard_reads_i_of_n(string text, int index, int count)
    {
        Assert.Equal(new Shard(index, count), ShardSelection.Resolve(text, null, Environment()));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1")]
    [InlineData("-1/2")]
    [InlineData("a/b")]
    public void A_malformed_shard_is_named(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ShardSelection.Resolve(text, null, Environment()));
        Assert.StartsWith($"--shard {text}: expected i/n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slurm_job_array_task_is_its_shard_counted_from_the_arrays_first_id()
    {
        Assert.Equal(new Shard(2, 4), ShardSelection.Resolve(null, null, Environment(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
        Assert.Equal(new Shard(0, 2), ShardSelection.Resolve(null, null, Environment(("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_COUNT", "2"))));
    }

    [Fact]
    public void A_kubernetes_indexed_job_pod_is_its_shard_of_the_completions_passed_as_shards()
    {
        Assert.Equal(new Shard(1, 3), ShardSelection.Resolve(null, 3, Environment(("JOB_COMPLETION_INDEX", "1"))));
        var error = Assert.Throws<ArgumentException>(() => ShardSelection.Resolve(null, null, Environment(("JOB_COMPLETION_INDEX", "1"))));
        Assert.Contains("--shards n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_shard_wins_over_the_schedulers_variables_and_none_means_the_whole_sweep()
    {
        Assert.Equal(new Shard(0, 2), ShardSelection.Resolve("0/2", null, Environment(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "2"))));
        Assert.Equal(Shard.Whole, ShardSelection.Resolve(null, null, Environment()));
        Assert.Throws<ArgumentException>(() => ShardSelection.Resolve(null, null, Environment(("SLURM_ARRAY_TASK_ID", "5"), ("SLURM_ARRAY_TASK_COUNT", "2"))));
    }
}
