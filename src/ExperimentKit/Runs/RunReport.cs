using System.Globalization;
using System.Text;
using ExperimentKit.IO;
using ExperimentKit.Training;
using ScottPlot;

namespace ExperimentKit.Runs;

/// <summary>
/// report.md: the run at a glance: the final numbers, the per-epoch table, and PNG plots against the step of the
/// training and validation loss, the learning rate and each metric. Also writes environment.json.
/// </summary>
public static class RunReport
{
    private const int Width = 800;
    private const int Height = 450;

    public static void Write(RunFolder folder, string name, IReadOnlyList<TrainingLogEntry> logs, IReadOnlyList<EvaluationLogEntry> evaluations, TrainOutput output)
    {
        var environment = EnvironmentInfo.Capture();
        environment.Write(folder.File("environment.json"));

        var plots = new List<(string Title, string File)>();
        if (logs.Count > 0 || evaluations.Count > 0)
        {
            plots.Add(("Loss", Plot(folder, "loss.png", "loss", [("training loss", logs.Select(l => (l.Step, l.Loss))), ("validation loss", evaluations.Select(e => (e.Step, e.Loss)))])));
        }

        if (logs.Count > 0)
        {
            plots.Add(("Learning rate", Plot(folder, "learning_rate.png", "learning rate", [("learning rate", logs.Select(l => (l.Step, l.LearningRate)))])));
        }

        foreach (var metric in evaluations.FirstOrDefault()?.Headline.Select(m => m.Name) ?? [])
        {
            plots.Add((metric, Plot(folder, $"eval_{metric}.png", metric, [("validation " + metric, evaluations.Select(e => (e.Step, e.Metric(metric))))])));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# {name}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{output.GlobalStep} steps, {output.Epoch:0.##} epochs in {output.TrainRuntimeSeconds:0.0} s ({output.TrainSamplesPerSecond:0.0} samples/s); training loss {output.TrainingLoss:0.0000}.");
        if (evaluations.Count > 0)
        {
            var last = evaluations[^1];
            report.AppendLine();
            var metrics = string.Concat(last.Headline.Select(m => string.Create(CultureInfo.InvariantCulture, $", {m.Name} {m.Value:0.0000}")));
            report.AppendLine(CultureInfo.InvariantCulture, $"Last evaluation (step {last.Step}): validation loss {last.Loss:0.0000}{metrics}.");
        }

        foreach (var (title, file) in plots)
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"![{title}]({file})");
        }

        report.AppendLine();
        report.AppendLine("## Environment");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"ExperimentKit {environment.ExperimentKit}, TorchSharp {environment.TorchSharp}, {environment.LibTorch ?? "LibTorch (version unknown)"}, {environment.Threads} threads on {environment.Device}, .NET {environment.Runtime}, {environment.OperatingSystem}; commit {environment.GitCommit ?? "unknown"}.");
        AtomicFile.WriteAllText(folder.File("report.md"), report.ToString());
    }

    /// <summary>One PNG of one or more series against the step; returns its file name.</summary>
    private static string Plot(RunFolder folder, string file, string yLabel, IEnumerable<(string Label, IEnumerable<(int Step, double Value)> Points)> series)
    {
        using var plot = new Plot();
        foreach (var (label, points) in series)
        {
            var values = points.ToArray();
            if (values.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(values.Select(p => (double)p.Step).ToArray(), values.Select(p => p.Value).ToArray());
            scatter.LegendText = label;
        }

        plot.XLabel("step");
        plot.YLabel(yLabel);
        plot.ShowLegend();
        AtomicFile.Write(folder.File(file), temporary => plot.SavePng(temporary, Width, Height));
        return file;
    }
}
