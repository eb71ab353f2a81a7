namespace ExperimentKit.Pipelines;

/// <summary>
/// QuestionAnsweringPipeline's select_starts_ends and decode_spans for one window: start and end logits of tokens that
/// cannot answer (question, special tokens) are set to -10000, each side is softmaxed, [CLS]'s probabilities are kept
/// as the no-answer score and then zeroed, and the best spans are those with the highest P(start) × P(end) where the
/// end is not before the start and the span is at most maxAnswerLength tokens; spans touching a token that cannot
/// answer are dropped after the top k are taken, as there.
/// </summary>
internal static class SpanDecoder
{
    public readonly record struct Span(int Start, int End, float Score);

    /// <param name="canAnswer">Per token: a context token or [CLS] (transformers' p_mask is 0).</param>
    /// <param name="nullScore">P(start = [CLS]) × P(end = [CLS]) in this window, for handle_impossible_answer.</param>
    public static IReadOnlyList<Span> Decode(ReadOnlySpan<float> startLogits, ReadOnlySpan<float> endLogits, bool[] canAnswer, int topK, int maxAnswerLength, out float nullScore)
    {
        var starts = Normalized(startLogits, canAnswer);
        var ends = Normalized(endLogits, canAnswer);
        nullScore = starts[0] * ends[0];
        starts[0] = ends[0] = 0f;

        // numpy scores every (start, end) cell in row-major order, 0 outside start ≤ end < start + maxAnswerLength, and
        // takes the top k, the first of equal scores first. The band alone decides unless a 0 would be among the top k.
        var top = Top(Cells(starts, ends, maxAnswerLength, bandOnly: true), topK);
        if (top.Count(span => span.Score > 0) < topK)
        {
            top = Top(Cells(starts, ends, maxAnswerLength, bandOnly: false), topK);
        }

        return [.. top.Where(span => canAnswer[span.Start] && canAnswer[span.End])];
    }

    private static List<Span> Top(IEnumerable<Span> cells, int topK) => [.. cells.OrderByDescending(span => span.Score).Take(topK)];

    private static IEnumerable<Span> Cells(float[] starts, float[] ends, int maxAnswerLength, bool bandOnly)
    {
        for (var s = 0; s < starts.Length; s++)
        {
            for (var e = bandOnly ? s : 0; e < (bandOnly ? Math.Min(ends.Length, s + maxAnswerLength) : ends.Length); e++)
            {
                yield return new Span(s, e, e >= s && e - s < maxAnswerLength ? starts[s] * ends[e] : 0f);
            }
        }
    }

    private static float[] Normalized(ReadOnlySpan<float> logits, bool[] canAnswer)
    {
        var masked = new float[logits.Length];
        for (var i = 0; i < masked.Length; i++)
        {
            masked[i] = canAnswer[i] ? logits[i] : -10000f;
        }

        return Probabilities.Softmax(masked);
    }
}
