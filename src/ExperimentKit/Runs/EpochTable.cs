using System.Globalization;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Runs;

/// <summary>
/// The per-epoch summary the Trainer shows in a notebook: epoch, training loss (the last value logged since the
/// previous evaluation, or "No log"), validation loss and each metric.
/// </summary>
public static class EpochTable
{
    /// <remarks>An evaluation at step 0 (eval_on_start) is a baseline, not an epoch: metrics.jsonl keeps it, the table does not.</remarks>
    public static IReadOnlyList<EpochSummary> Summarize(IReadOnlyList<TrainingLogEntry> logs, IReadOnlyList<EvaluationLogEntry> evaluations)
    {
        var trained = evaluations.Where(e => e.Step > 0).ToArray();
        return trained
            .Select((evaluation, index) => new EpochSummary(
                index + 1,
                logs.LastOrDefault(l => l.Step <= evaluation.Step && (index == 0 || l.Step > trained[index - 1].Step))?.Loss,
                evaluation))
            .ToArray();
    }

    public static Table Render(IReadOnlyList<EpochSummary> rows)
    {
        var table = new Table().Border(TableBorder.Markdown);
        table.AddColumn("Epoch");
        table.AddColumn("Training Loss");
        table.AddColumn("Validation Loss");
        foreach (var metric in rows.FirstOrDefault()?.Evaluation.Headline ?? [])
        {
            table.AddColumn(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(metric.Name));
        }

        foreach (var row in rows)
        {
            var cells = new List<string>
            {
                row.Epoch.ToString(CultureInfo.InvariantCulture),
                row.TrainingLoss is { } loss ? loss.ToString("0.000000", CultureInfo.InvariantCulture) : "No log",
                row.Evaluation.Loss.ToString("0.000000", CultureInfo.InvariantCulture),
            };
            cells.AddRange(row.Evaluation.Headline.Select(m => m.Value.ToString("0.000000", CultureInfo.InvariantCulture)));
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
