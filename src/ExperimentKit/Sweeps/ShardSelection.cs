using System.Globalization;

namespace ExperimentKit.Sweeps;

/// <summary>
/// Which shard this process runs: `--shard i/n` when given; else a Slurm job array's task
/// (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN of SLURM_ARRAY_TASK_COUNT); else a Kubernetes Indexed Job's
/// JOB_COMPLETION_INDEX of `--shards n` (the Job's completions, which Kubernetes does not put in the environment);
/// else the whole sweep.
/// </summary>
public static class ShardSelection
{
    public static Shard Resolve(string? shardOption, int? shardCount, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (shardOption is not null)
        {
            return Shard.TryParse(shardOption, out var shard)
                ? shard
                : throw new ArgumentException($"--shard {shardOption}: expected i/n with 0 <= i < n, such as 0/4");
        }

        if (environment("SLURM_ARRAY_TASK_ID") is { } slurmId)
        {
            var id = Integer(slurmId, "SLURM_ARRAY_TASK_ID");
            var min = environment("SLURM_ARRAY_TASK_MIN") is { } minText ? Integer(minText, "SLURM_ARRAY_TASK_MIN") : 0;
            var count = environment("SLURM_ARRAY_TASK_COUNT") is { } countText
                ? Integer(countText, "SLURM_ARRAY_TASK_COUNT")
                : throw new ArgumentException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; submit the sweep as a job array (sbatch --array=0-N)");
            return Checked(id - min, count, "SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN");
        }

        if (environment("JOB_COMPLETION_INDEX") is { } completionIndex)
        {
            var count = shardCount ?? throw new ArgumentException("JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): pass the Job's completions as --shards n");
            return Checked(Integer(completionIndex, "JOB_COMPLETION_INDEX"), count, "JOB_COMPLETION_INDEX");
        }

        return shardCount is { } n and > 1
            ? throw new ArgumentException($"--shards {n} needs a shard index: --shard i/{n}, or run under a Slurm job array or a Kubernetes Indexed Job")
            : Shard.Whole;
    }

    private static int Integer(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} is '{text}', not a non-negative integer");

    private static Shard Checked(int index, int count, string what) =>
        count >= 1 && index >= 0 && index < count
            ? new Shard(index, count)
            : throw new ArgumentException($"{what} is {index}, outside 0..{count - 1} for {count} shards");
}
