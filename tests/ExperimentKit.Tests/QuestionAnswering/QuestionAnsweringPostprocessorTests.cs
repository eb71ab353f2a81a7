using ExperimentKit.Data;
using ExperimentKit.Data.QuestionAnswering;
using ExperimentKit.Metrics;
using ExperimentKit.Tests.Tokenization;
using ExperimentKit.Training;
using Xunit.Abstractions;
using ScalarType = TorchSharp.torch.ScalarType;

namespace ExperimentKit.Tests.QuestionAnswering;

/// <summary>
/// postprocess_qa_predictions on hand-made windows over "a b c d e f g h i j" (word w at characters 2w..2w+1).
/// Every window is [CLS] q q [SEP], five context words at positions 4..8, [SEP]; logits not set are -10.
/// </summary>
public sealed class QuestionAnsweringPostprocessorTests(ITestOutputHelper output)
{
    private const string Context = "a b c d e f g h i j";
    private const int WindowLength = 10;
    private const float Low = -10;

    private static readonly SquadExample Example = new("q1", "", Context, "q?", [new SquadAnswer("e f g", 8)]);

    [Fact]
    public void A_span_across_a_window_border_is_found_in_the_window_that_holds_it_whole()
    {
        // Window A (words 0..4) starts the span at "e" but its end lies past the window, at [SEP];
        // window B (words 3..7) holds "e f g" whole: e at position 5, g at 7.
        EncodedExample[] features = [Window(0, firstWord: 0), Window(0, firstWord: 3)];
        float[][] starts = [Logits((8, 5f)), Logits((5, 5f))];
        float[][] ends = [Logits((9, 6f)), Logits((7, 6f))];

        var prediction = Single(features, starts, ends);

        Assert.Equal("e f g", prediction.Text);
        Assert.Equal(new AnswerCandidate("e f g", 5, 6, prediction.NBest[0].Probability), prediction.NBest[0]);
        Assert.Contains(prediction.NBest, c => c.Text == "e" && c.StartLogit == 5 && c.EndLogit == Low);
    }

    [Fact]
    public void An_answer_only_the_second_window_holds_wins_over_the_first_windows_CLS()
    {
        // Window A points at [CLS]: without null answers (SQuAD v1.1) that is no candidate at all.
        EncodedExample[] features = [Window(0, firstWord: 0), Window(0, firstWord: 3)];
        float[][] starts = [Logits((0, 8f)), Logits((6, 3f))];
        float[][] ends = [Logits((0, 8f)), Logits((6, 2f))];

        var prediction = Single(features, starts, ends);

        Assert.Equal("f", prediction.Text);
        Assert.Equal((3f, 2f), (prediction.NBest[0].StartLogit, prediction.NBest[0].EndLogit));
    }

    [Theory]
    [InlineData(5, "a b c d e", 10f)]
    [InlineData(4, "a b c", 9f)]
    [InlineData(3, "a b c", 9f)]
    [InlineData(2, "c", 8f)]
    [InlineData(1, "c", 8f)]
    public void Spans_longer_than_max_answer_length_are_skipped(int maxAnswerLength, string expected, float score)
    {
        // a..e scores 5 + 5, a..c and c..e 5 + 4 (a..c first: its start ranks higher, and the sort is stable),
        // c alone 4 + 4.
        float[][] starts = [Logits((4, 5f), (6, 4f))];
        float[][] ends = [Logits((8, 5f), (6, 4f))];

        var prediction = QuestionAnsweringPostprocessor.Postprocess([Example], [Window(0, 0)], starts, ends, maxAnswerLength: maxAnswerLength).Single();

        Assert.Equal(expected, prediction.Text);
        Assert.Equal(score, prediction.NBest[0].StartLogit + prediction.NBest[0].EndLogit);
    }

    [Fact]
    public void An_end_before_its_start_is_skipped()
    {
        // Start at d (6) and end at b (6) would score 12, but b comes before d.
        float[][] starts = [Logits((7, 6f))];
        float[][] ends = [Logits((5, 6f), (8, 1f))];

        var prediction = Single([Window(0, 0)], starts, ends);

        Assert.Equal("d e", prediction.Text);
        Assert.DoesNotContain(prediction.NBest, c => c.StartLogit == 6 && c.EndLogit == 6);
    }

    [Fact]
    public void The_n_best_list_is_ordered_by_score_with_softmax_probabilities()
    {
        // With n_best 4 the top starts are a (3), b (1) and the top ends b (2), c (0.5); the other two of each are
        // [CLS] and the question, no candidates.
        float[][] starts = [Logits((4, 3f), (5, 1f))];
        float[][] ends = [Logits((5, 2f), (6, 0.5f))];

        var prediction = QuestionAnsweringPostprocessor.Postprocess([Example], [Window(0, 0)], starts, ends, nBestSize: 4).Single();

        Assert.Equal(["a b", "a b c", "b", "b c"], prediction.NBest.Select(c => c.Text));
        double[] scores = [5, 3.5, 3, 1.5];
        double total = scores.Sum(s => Math.Exp(s - 5));
        Assert.Equal(scores.Select(s => Math.Exp(s - 5) / total), prediction.NBest.Select(c => (double)c.Probability), new Tolerance(1e-6));
        Assert.Equal("a b", prediction.Text);
    }

    [Fact]
    public void No_valid_span_gives_an_empty_answer_and_an_empty_list()
    {
        // With n_best 1 the only start is [CLS] and the only end the final [SEP].
        float[][] starts = [Logits((0, 9f))];
        float[][] ends = [Logits((9, 9f))];

        var prediction = QuestionAnsweringPostprocessor.Postprocess([Example], [Window(0, 0)], starts, ends, nBestSize: 1).Single();

        Assert.Equal(new QuestionAnsweringPrediction("q1", "", prediction.NBest), prediction);
        Assert.Empty(prediction.NBest);
    }

    [Fact]
    public void Positions_past_the_feature_are_skipped_after_taking_the_best_over_the_whole_row()
    {
        // Rows padded to 14: with -100 the padding changes nothing; with real (batch padding) logits it takes the
        // top places of utils_qa's argsort, as it does in the Trainer, and leaves no candidate.
        float[][] starts = [Logits((4, 3f))];
        float[][] ends = [Logits((5, 2f))];
        float[] Padded(float[] row, float value) => [.. row, .. Enumerable.Repeat(value, 4)];

        var plain = Single([Window(0, 0)], starts, ends);
        var minus100 = Single([Window(0, 0)], [Padded(starts[0], -100)], [Padded(ends[0], -100)]);
        var crowded = QuestionAnsweringPostprocessor.Postprocess(
            [Example], [Window(0, 0)], [Padded(starts[0], 50)], [Padded(ends[0], 50)], nBestSize: 4).Single();

        Assert.Equal("a b", plain.Text);
        Assert.Equal(plain.NBest, minus100.NBest);
        Assert.Equal("", crowded.Text);
    }

    [Fact]
    public void A_host_array_of_start_and_end_pairs_gives_the_same_predictions_as_separate_rows()
    {
        SquadExample second = Example with { Id = "q2" };
        EncodedExample[] features = [Window(1, 0), Window(0, 0), Window(0, 3)];
        float[][] starts = [Logits((6, 2f)), Logits((4, 1f)), Logits((6, 4f))];
        float[][] ends = [Logits((7, 2f)), Logits((4, 1f)), Logits((8, 3f))];
        float[] interleaved = [.. Enumerable.Range(0, features.Length).SelectMany(f => Enumerable.Range(0, WindowLength).SelectMany(t => new[] { starts[f][t], ends[f][t] }))];
        var logits = new HostArray(interleaved, [features.Length, WindowLength, 2], ScalarType.Float32);

        var fromRows = QuestionAnsweringPostprocessor.Postprocess([Example, second], features, starts, ends);
        var fromArray = QuestionAnsweringPostprocessor.Postprocess([Example, second], features, logits);

        Assert.Equal(["q1", "q2"], fromArray.Select(p => p.Id));
        Assert.Equal(["f g h", "c d"], fromArray.Select(p => p.Text));
        Assert.Equal(fromRows.Select(p => (p.Id, p.Text)), fromArray.Select(p => (p.Id, p.Text)));
        Assert.Equal(fromRows.SelectMany(p => p.NBest), fromArray.SelectMany(p => p.NBest));
    }

    [Fact]
    public void Logits_of_the_wrong_shape_or_a_feature_without_offsets_are_refused()
    {
        var flat = new HostArray(new float[20], [1, 20], ScalarType.Float32);
        var noOffsets = Window(0, 0) with { Offsets = null };

        Assert.Throws<ArgumentException>(() => QuestionAnsweringPostprocessor.Postprocess([Example], [Window(0, 0)], flat));
        Assert.Throws<ArgumentException>(() => QuestionAnsweringPostprocessor.Postprocess([Example], [noOffsets], [Logits()], [Logits()]));
        Assert.Throws<ArgumentException>(() => QuestionAnsweringPostprocessor.Postprocess([Example], [Window(0, 0)], [Logits()[..5]], [Logits()]));
    }

    [Fact]
    public void Logits_that_point_at_the_labels_recover_the_gold_answers_of_real_dev_questions()
    {
        // Features, post-processing and scoring together: 10 at each window's labelled start and end, -100 padding
        // to the longest window, as the evaluator gathers them.
        var examples = SquadReader.Read(TestData.Path("squad", "dev-v1.1.part_a.json"));
        var features = QuestionAnsweringFeatures.Encode(examples, Bert.Tokenizer);
        int width = features.Max(f => f.Length);
        var data = new float[features.Length * width * 2];
        for (int f = 0; f < features.Length; f++)
        {
            data.AsSpan(2 * f * width, 2 * width).Fill(-100);
            data.AsSpan(2 * f * width, 2 * features[f].Length).Clear();
            data[(2 * f * width) + (2 * (int)features[f].Labels[0])] = 10;
            data[(2 * f * width) + (2 * (int)features[f].Labels[1]) + 1] = 10;
        }

        var predictions = QuestionAnsweringPostprocessor.Postprocess(examples, features, new HostArray(data, [features.Length, width, 2], ScalarType.Float32));
        var scores = SquadScores.Compute(
            predictions.ToDictionary(p => p.Id, p => p.Text),
            [.. examples.Select(e => new SquadReference(e.Id, [.. e.Answers.Select(a => a.Text)]))]);

        output.WriteLine(scores.ToJsonString());
        Assert.Equal(examples.Select(e => e.Id), predictions.Select(p => p.Id));

        // Wherever the labelled span fits max_answer_length it is the best; a handful of answers are longer than
        // 30 tokens and give way to a shorter span.
        var fitting = features
            .Where(f => f.Labels is not [0, 0] && f.Labels[1] - f.Labels[0] + 1 <= QuestionAnsweringPostprocessor.DefaultMaxAnswerLength)
            .Select(f => f.SourceIndex)
            .ToHashSet();
        Assert.InRange(fitting.Count, examples.Count - 10, examples.Count - 1);
        Assert.All(fitting, i => Assert.Equal(20f, predictions[i].NBest[0].StartLogit + predictions[i].NBest[0].EndLogit));

        // Short of 100 where an answer is longer than that, or starts or ends inside a token ("$5" of "$5 million").
        Assert.InRange((double)scores["exact_match"]!, 99, 100);
    }
    private static QuestionAnsweringPrediction Single(EncodedExample[] features, float[][] starts, float[][] ends) =>
        QuestionAnsweringPostprocessor.Postprocess([Example], features, starts, ends).Single();

    /// <summary>A window of <see cref="Context"/> holding five words from <paramref name="firstWord"/> on.</summary>
    private static EncodedExample Window(int sourceIndex, int firstWord)
    {
        var offsets = Enumerable.Repeat(-1, 2 * WindowLength).ToArray();
        for (int i = 0; i < 5; i++)
        {
            offsets[2 * (4 + i)] = 2 * (firstWord + i);
            offsets[(2 * (4 + i)) + 1] = (2 * (firstWord + i)) + 1;
        }

        return new EncodedExample(new int[WindowLength], new int[WindowLength], [0, 0]) { SourceIndex = sourceIndex, Offsets = offsets };
    }

    private static float[] Logits(params (int Position, float Value)[] set)
    {
        var row = Enumerable.Repeat(Low, WindowLength).ToArray();
        foreach (var (position, value) in set)
        {
            row[position] = value;
        }

        return row;
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
