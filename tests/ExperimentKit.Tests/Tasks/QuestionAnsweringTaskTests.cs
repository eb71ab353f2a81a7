using ExperimentKit.Data;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tests.Tokenization;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Tasks;

/// <summary>run_qa's task on the seam: SQuAD or a flat table in, windows labelled, logits back to answers and scores, predictions.json out.</summary>
public sealed class QuestionAnsweringTaskTests
{
    private const string Context = "The Broncos beat the Panthers 24-10 to win Super Bowl 50 at Levi's Stadium.";

    private static ExperimentSpec Spec(DatasetSpec dataset) => TestSpecs.Experiment(
        new QuestionAnsweringTaskSpec { DocStride = 8 },
        dataset,
        new TokenizerSpec { MaxLength = 24 },
        MetricSpec.Of(MetricKind.Squad));

    [Fact]
    public void A_flat_table_is_read_like_squad_and_scored_through_its_windows()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("qa"));
        File.WriteAllLines(folder.File("qa", "train.jsonl"),
        [
            $$$"""{"id": "q1", "question": "Who won?", "context": "{{{Context}}}", "answers": {"text": ["The Broncos", "Broncos"], "answer_start": [0, 4]}}""",
            $$$"""{"id": "q2", "question": "Where was the game?", "context": "{{{Context}}}", "answers": {"text": ["Levi's Stadium"], "answer_start": [60]}}""",
        ]);
        var spec = Spec(new DatasetSpec { Path = "qa", Format = DataFormat.JsonLines, TrainFile = "train.jsonl", ValidationFile = "train.jsonl" });
        var task = new QuestionAnsweringTask(spec);
        var root = new DataRoot([folder.Path]);

        var windows = task.Encode(DatasetSplit.Validation, root, Bert.Tokenizer);

        // 24 tokens leave about 15 for the context, so each question's context needs more than one window.
        Assert.True(windows.Length > 2, $"{windows.Length} windows");
        Assert.Equal([0, 1], windows.Select(w => w.SourceIndex).Distinct());

        // Logits that point at each window's labelled span (or [CLS] when the answer is not inside it) answer every question right.
        var length = windows.Max(w => w.Length);
        var logits = new float[windows.Length * length * 2];
        Array.Fill(logits, -10f);
        for (var w = 0; w < windows.Length; w++)
        {
            logits[(((w * length) + (int)windows[w].Labels[0]) * 2) + 0] = 10f;
            logits[(((w * length) + (int)windows[w].Labels[1]) * 2) + 1] = 10f;
        }

        var prediction = new EvalPrediction(
            new HostArray(logits, [windows.Length, length, 2], torch.ScalarType.Float32),
            new HostArray([.. windows.SelectMany(w => w.Labels)], [windows.Length, 2], torch.ScalarType.Int64)) { Inputs = windows };
        var scorer = task.ScorerFor(DatasetSplit.Validation, root);
        var result = scorer.ComputeMetrics(prediction);

        Assert.Equal(100.0, (double)result["exact_match"]!);
        Assert.Equal(100.0, (double)result["f1"]!);
        scorer.WritePredictions(folder.Path, prediction);
        var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.File("predictions.json"))).RootElement;
        Assert.Equal("The Broncos", written.GetProperty("q1").GetString());
        Assert.Equal("Levi's Stadium", written.GetProperty("q2").GetString());
    }

    [Fact]
    public void Squad_part_b_windows_follow_run_qa_at_384_and_128()
    {
        var spec = TestSpecs.Experiment(
            new QuestionAnsweringTaskSpec(),
            new DatasetSpec { Name = "squad", Format = DataFormat.Squad, MaxEvalSamples = 200 },
            new TokenizerSpec { MaxLength = 384 },
            MetricSpec.Of(MetricKind.Squad));

        var windows = new QuestionAnsweringTask(spec).Encode(DatasetSplit.Validation, new DataRoot([TestData.Root]), Bert.Tokenizer);

        Assert.Equal(Enumerable.Range(0, 200), windows.Select(w => w.SourceIndex).Distinct());
        Assert.All(windows, w => Assert.True(w.Length <= 384));
        Assert.All(windows, w => Assert.Equal(2 * w.Length, w.Offsets!.Length));
    }
}
