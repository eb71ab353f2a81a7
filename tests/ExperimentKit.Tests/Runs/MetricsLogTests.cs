using System.Text.Json.Nodes;
using ExperimentKit.Runs;
using ExperimentKit.Training;

namespace ExperimentKit.Tests.Runs;

public sealed class MetricsLogTests
{
    [Fact]
    public void A_nan_metric_is_written_and_read_back_instead_of_ending_the_run()
    {
        // scipy's Pearson of constant predictions is nan; a collapsed regression head produces exactly that.
        using var folder = new TemporaryFolder();
        var log = new MetricsLog(folder.File("metrics.jsonl"));
        var entry = new EvaluationLogEntry(10, 1.0, 0.5, [new MetricValue("pearson", double.NaN), new MetricValue("spearmanr", 0.25)], 1, 10);

        log.Append(entry);
        var line = JsonNode.Parse(File.ReadAllLines(folder.File("metrics.jsonl")).Single())!.AsObject();
        var read = Assert.IsType<EvaluationLogEntry>(LogHistoryJson.FromJson(line));

        Assert.Equal("NaN", (string?)line["eval_pearson"]);
        Assert.True(double.IsNaN(read.Metric("pearson")));
        Assert.Equal(0.25, read.Metric("spearmanr"));
    }
}
