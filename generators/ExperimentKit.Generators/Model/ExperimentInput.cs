namespace ExperimentKit.Generators.Model;

/// <summary>One experiment file as the pipeline sees it: plain strings, so an unchanged file compares equal.</summary>
/// <param name="Path">The absolute path: diagnostics point there so the IDE and the build log open the file.</param>
/// <param name="SourceFile">Relative to the project, forward slashes (<c>experiments/mrpc.yaml</c>): names the file in code and messages.</param>
internal sealed record ExperimentInput(string Path, string SourceFile, string Text);
