using Spectre.Console;
using Spectre.Console.Rendering;

namespace ExperimentKit.Runs;

/// <summary>
/// The live display's text column: the <see cref="TrainingStatus"/> the reporter keeps in the task's tag. The trainer's
/// thread replaces that immutable record after each step while Spectre's refresh thread reads it, so no lock is needed.
/// </summary>
public sealed class TrainingStatusColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Tag is TrainingStatus status ? status.ToString() : "waiting for the first step");
}
