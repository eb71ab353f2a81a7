using ExperimentKit.Training;

namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// utils_qa.postprocess_qa_predictions with version_2_with_negative=False: turns the start and end logits of every
/// window of a question into a span of its context. In each window the <c>nBestSize</c> highest start and end
/// positions are paired; a pair counts when both tokens are context tokens of the window, the end is not before the
/// start and the span is at most <c>maxAnswerLength</c> tokens. Its score is start logit + end logit; the best
/// <c>nBestSize</c> pairs over all the question's windows form the n-best list, best first (equal scores keep window,
/// then start, then end order, as Python's stable sort does), with the softmax of their scores as probabilities.
/// </summary>
public static class QuestionAnsweringPostprocessor
{
    public const int DefaultNBestSize = 20;

    public const int DefaultMaxAnswerLength = 30;

    /// <summary>
    /// Logits as one [features, sequence, 2] array, the evaluator's gathered output of a question-answering head:
    /// row i belongs to <paramref name="features"/>[i], and the last dimension holds the start then the end logit.
    /// </summary>
    /// <param name="features">The windows the logits were computed for (<see cref="QuestionAnsweringFeatures.Encode"/>).</param>
    /// <exception cref="ArgumentException">The shape does not fit the features, or a feature has no offsets or source index.</exception>
    public static IReadOnlyList<QuestionAnsweringPrediction> Postprocess(
        IReadOnlyList<SquadExample> examples,
        IReadOnlyList<EncodedExample> features,
        HostArray logits,
        int nBestSize = DefaultNBestSize,
        int maxAnswerLength = DefaultMaxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Shape is not [long rows, long columns, 2] || rows != features.Count || logits.Data.LongLength != rows * columns * 2)
        {
            throw new ArgumentException(
                $"Logits of shape [{string.Join(", ", logits.Shape)}] for {features.Count} features: expected [{features.Count}, sequence length, 2] (start, end).",
                nameof(logits));
        }

        int width = checked((int)columns);
        return Postprocess(
            examples,
            features,
            i => new LogitRow(logits.Data, 2 * i * width, 2, width),
            i => new LogitRow(logits.Data, (2 * i * width) + 1, 2, width),
            nBestSize,
            maxAnswerLength);
    }

    /// <summary>
    /// Logits as one start and one end array per feature. A row may be longer than its feature (padded with -100, or
    /// batch padding): as in utils_qa the best positions are picked over the whole row and those past the feature are
    /// then skipped, so rows that equal the Trainer's give the same answers.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The counts differ, a row is shorter than its feature, or a feature has no offsets or source index.
    /// </exception>
    public static IReadOnlyList<QuestionAnsweringPrediction> Postprocess(
        IReadOnlyList<SquadExample> examples,
        IReadOnlyList<EncodedExample> features,
        IReadOnlyList<float[]> startLogits,
        IReadOnlyList<float[]> endLogits,
        int nBestSize = DefaultNBestSize,
        int maxAnswerLength = DefaultMaxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(startLogits);
        ArgumentNullException.ThrowIfNull(endLogits);
        if (startLogits.Count != features.Count || endLogits.Count != features.Count)
        {
            throw new ArgumentException($"{startLogits.Count} start and {endLogits.Count} end logit rows for {features.Count} features.");
        }

        return Postprocess(
            examples,
            features,
            i => new LogitRow(startLogits[i], 0, 1, startLogits[i].Length),
            i => new LogitRow(endLogits[i], 0, 1, endLogits[i].Length),
            nBestSize,
            maxAnswerLength);
    }

    private static QuestionAnsweringPrediction[] Postprocess(
        IReadOnlyList<SquadExample> examples,
        IReadOnlyList<EncodedExample> features,
        Func<int, LogitRow> startLogits,
        Func<int, LogitRow> endLogits,
        int nBestSize,
        int maxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nBestSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAnswerLength);

        // features_per_example, each in feature order.
        var windows = new List<int>[examples.Count];
        for (int f = 0; f < features.Count; f++)
        {
            EncodedExample feature = features[f];
            if ((uint)feature.SourceIndex >= (uint)examples.Count)
            {
                throw new ArgumentException($"Feature {f} comes from example {feature.SourceIndex}, but there are {examples.Count} examples.", nameof(features));
            }

            if (feature.Offsets is null || feature.Offsets.Length != 2 * feature.Length)
            {
                throw new ArgumentException($"Feature {f} has no context offsets (two per token).", nameof(features));
            }

            (windows[feature.SourceIndex] ??= []).Add(f);
        }

        var predictions = new QuestionAnsweringPrediction[examples.Count];
        for (int e = 0; e < examples.Count; e++)
        {
            var candidates = new List<Candidate>();
            foreach (int f in windows[e] ?? [])
            {
                AddCandidates(candidates, features[f], f, startLogits(f), endLogits(f), nBestSize, maxAnswerLength);
            }

            predictions[e] = Choose(examples[e], candidates, nBestSize);
        }

        return predictions;
    }

    private static void AddCandidates(
        List<Candidate> candidates, EncodedExample feature, int index, LogitRow starts, LogitRow ends, int nBestSize, int maxAnswerLength)
    {
        if (starts.Length < feature.Length || ends.Length < feature.Length)
        {
            throw new ArgumentException($"Feature {index} has {feature.Length} tokens but {Math.Min(starts.Length, ends.Length)} logits.");
        }

        int[] offsets = feature.Offsets!;
        int[] endPositions = ends.TopPositions(nBestSize);
        foreach (int start in starts.TopPositions(nBestSize))
        {
            foreach (int end in endPositions)
            {
                // Past the feature (padding), or a token that is not part of the context.
                if (start >= feature.Length || end >= feature.Length || offsets[2 * start] < 0 || offsets[2 * end] < 0)
                {
                    continue;
                }

                if (end < start || end - start + 1 > maxAnswerLength)
                {
                    continue;
                }

                candidates.Add(new Candidate(offsets[2 * start], offsets[(2 * end) + 1], starts[start] + ends[end], starts[start], ends[end]));
            }
        }
    }

    /// <summary>
    /// The n-best list and its best text. Where no window offered a valid span utils_qa inserts the placeholder text
    /// "empty"; here the answer is "" and the list is empty, so that no made-up word is scored or written.
    /// </summary>
    private static QuestionAnsweringPrediction Choose(SquadExample example, List<Candidate> candidates, int nBestSize)
    {
        // OrderByDescending is stable, as sorted(..., reverse=True) is.
        Candidate[] best = [.. candidates.OrderByDescending(c => c.Score).Take(nBestSize)];
        if (best.Length == 0)
        {
            return new QuestionAnsweringPrediction(example.Id, "", []);
        }

        // Softmax in float32, as numpy computes it on the float32 scores, shifted by the largest for stability.
        float largest = best.Max(c => c.Score);
        float[] exponentials = [.. best.Select(c => MathF.Exp(c.Score - largest))];
        float sum = 0;
        foreach (float exponential in exponentials)
        {
            sum += exponential;
        }

        AnswerCandidate[] nBest =
        [
            .. best.Select((c, i) => new AnswerCandidate(example.Context[c.StartChar..c.EndChar], c.StartLogit, c.EndLogit, exponentials[i] / sum)),
        ];
        return new QuestionAnsweringPrediction(example.Id, nBest[0].Text, nBest);
    }

    /// <summary>A span as character offsets into the context, with its score (start logit + end logit in float32).</summary>
    private readonly record struct Candidate(int StartChar, int EndChar, float Score, float StartLogit, float EndLogit);
}
