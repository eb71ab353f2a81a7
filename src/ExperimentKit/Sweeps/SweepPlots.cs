using System.Globalization;
using ExperimentKit.IO;
using ScottPlot;

namespace ExperimentKit.Sweeps;

/// <summary>
/// One PNG per swept parameter: the ranking metric's mean over seeds (with ± one standard deviation) against the
/// parameter's values; a numeric parameter spanning more than a decade (a learning rate) on a log axis.
/// </summary>
public static class SweepPlots
{
    private const int Width = 800;
    private const int Height = 450;

    /// <returns>The files written, by parameter.</returns>
    public static IReadOnlyList<string> Write(SweepSummary summary, SweepLayout layout)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(layout);
        var metric = summary.Plan.Metric;
        var rows = summary.Configurations.Where(r => r.Metrics.ContainsKey(metric)).ToArray();
        if (rows.Length == 0)
        {
            return [];
        }

        var files = new List<string>();
        foreach (var parameter in summary.Plan.Parameters)
        {
            var values = rows.Select(r => r.ValueOf(parameter)).ToArray();
            var file = $"{metric}_vs_{parameter}.png";
            AtomicFile.Write(layout.Plot(file), temporary => Plot(parameter, metric, values, rows.Select(r => r.Metrics[metric]).ToArray(), temporary));
            files.Add(file);
        }

        return files;
    }

    private static void Plot(string parameter, string metric, string[] values, MetricStats[] stats, string path)
    {
        using var plot = new Plot();
        var numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToArray();
        var numeric = numbers.All(double.IsFinite);
        var logarithmic = numeric && numbers.All(x => x > 0) && numbers.Max() / numbers.Min() > 10;
        var categories = values.Distinct().ToArray();
        var xs = numeric
            ? numbers.Select(x => logarithmic ? Math.Log10(x) : x).ToArray()
            : values.Select(v => (double)Array.IndexOf(categories, v)).ToArray();
        var means = stats.Select(s => s.Mean).ToArray();

        var points = plot.Add.Scatter(xs, means);
        points.LineWidth = 0;
        points.MarkerSize = 8;
        var bars = plot.Add.ErrorBar(xs, means, stats.Select(s => s.Std ?? 0).ToArray());
        bars.Color = points.Color;
        if (!numeric)
        {
            plot.Axes.Bottom.SetTicks([.. categories.Select((_, i) => (double)i)], categories);
        }

        plot.XLabel(logarithmic ? $"log10({parameter})" : parameter);
        plot.YLabel($"{metric} (mean ± std over seeds)");
        plot.SavePng(path, Width, Height);
    }
}
