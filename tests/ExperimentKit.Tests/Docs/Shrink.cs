namespace ExperimentKit.Tests.Docs;

/// <summary>
/// The overrides the docs tests append to every command that trains (a run, a resume, a sweep), so a documented
/// command runs as written in seconds: 8 training and 8 evaluation examples and one optimizer step; a sweep also runs
/// each configuration with one seed. Everything else the command says (its experiment, its own --set, its options)
/// stands: these come last, so they win over the same path written earlier.
/// </summary>
internal static class Shrink
{
    public static IReadOnlyList<string> Run { get; } =
    [
        "--set", "dataset.max_train_samples=8",
        "--set", "dataset.max_eval_samples=8",
        "--set", "training.max_steps=1",
    ];

    public static IReadOnlyList<string> Sweep { get; } = [.. Run, "--set", "sweep.seeds=[42]"];
}
