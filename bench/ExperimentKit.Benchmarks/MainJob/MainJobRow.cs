namespace ExperimentKit.Benchmarks.MainJob;

/// <summary>
/// Where the wall time of one `dotnet run -- experiments/mrpc.yaml` goes, in seconds: start-up (the no-op build, the host,
/// resolving or importing the checkpoint), tokenization with the model built and loaded (a cold tokenization cache),
/// training (the loop without its evaluations), evaluation (in the loop and the final predictions), saving (model,
/// predictions, report) and the process's exit.
/// </summary>
internal sealed record MainJobRow(
    string Configuration,
    int MaxSteps,
    double StartUp,
    double TokenizationAndModel,
    double Training,
    double Evaluation,
    double Saving,
    double Exit,
    double Wall,
    string Measured)
{
    public string Key => $"{Configuration}|{MaxSteps}";
}
