using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' question-answering over a ForQuestionAnswering model: the question and the context as a pair cut
/// into windows of max_seq_len tokens (only the context is cut, doc_stride tokens repeated), every window scored
/// (<see cref="SpanDecoder"/>), spans widened to whole words and mapped to the context's characters, the same answer
/// from several windows added up, the best top_k returned.
/// </summary>
public sealed class QuestionAnsweringPipeline : Pipeline
{
    private const int DefaultMaxSeqLength = 384;
    private const int DefaultDocStride = 128;

    public QuestionAnsweringPipeline(string model, PipelineOptions? options = null)
        : base(PipelineTask.QuestionAnswering, model, options)
    {
    }

    /// <summary>The best answers to each (question, context), best first, in input order.</summary>
    /// <exception cref="ArgumentException">An empty question or context, or options transformers refuses.</exception>
    public IReadOnlyList<IReadOnlyList<Answer>> Answer(IReadOnlyList<(string Question, string Context)> inputs, QuestionAnsweringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= QuestionAnsweringOptions.Default;
        var encode = WindowOptions(options);
        foreach (var (question, context) in inputs)
        {
            if (string.IsNullOrEmpty(question) || string.IsNullOrEmpty(context))
            {
                throw new ArgumentException("question and context cannot be empty.", nameof(inputs));
            }
        }

        var windows = new Encoding[inputs.Count][];
        Parallel.For(0, inputs.Count, i =>
        {
            var encoding = Tokenizer.Encode(inputs[i].Question, inputs[i].Context, encode);
            windows[i] = [encoding with { Overflowing = [] }, .. encoding.Overflowing];
        });
        var outputs = Model.Run([.. windows.SelectMany(w => w).Select(ModelRow.Of)], Options.BatchSize);
        var answers = new IReadOnlyList<Answer>[inputs.Count];
        var next = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            answers[i] = Answers(inputs[i].Context, windows[i], outputs.AsSpan(next, windows[i].Length), options);
            next += windows[i].Length;
        }

        return answers;
    }

    public IReadOnlyList<Answer> Answer(string question, string context, QuestionAnsweringOptions? options = null) =>
        Answer([(question, context)], options)[0];

    private EncodeOptions WindowOptions(QuestionAnsweringOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TopK, 1, "top_k");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAnswerLength, 1, "max_answer_len");
        var maxSeqLength = options.MaxSeqLength ?? Math.Min(Tokenizer.ModelMaxLength, DefaultMaxSeqLength);
        var docStride = options.DocStride ?? Math.Min(maxSeqLength / 2, DefaultDocStride);
        if (docStride > maxSeqLength)
        {
            throw new ArgumentException($"doc_stride ({docStride}) is larger than max_seq_len ({maxSeqLength}).", nameof(options));
        }

        return new EncodeOptions(MaxLength: maxSeqLength, Truncation: TruncationStrategy.OnlySecond, Stride: docStride, ReturnOverflowingTokens: true);
    }

    private static Answer[] Answers(string context, Encoding[] windows, ReadOnlySpan<RowOutput> outputs, QuestionAnsweringOptions options)
    {
        var answers = new List<Answer>();
        var nullScore = 1_000_000f;
        for (var w = 0; w < windows.Length; w++)
        {
            var window = windows[w];
            var logits = outputs[w];
            // p_mask 0: the context's tokens and [CLS] (kept for models that point there when there is no answer).
            var canAnswer = window.SequenceIds.Select((sequence, t) => sequence == 1 || t == 0).ToArray();
            var starts = new float[window.Length];
            var ends = new float[window.Length];
            for (var t = 0; t < window.Length; t++)
            {
                starts[t] = logits.Row(t)[0];
                ends[t] = logits.Row(t)[1];
            }

            var spans = SpanDecoder.Decode(starts, ends, canAnswer, options.TopK, options.MaxAnswerLength, out var windowNull);
            nullScore = Math.Min(nullScore, windowNull);
            foreach (var span in spans)
            {
                var (start, end) = Characters(window, span, options.AlignToWords);
                // Python's slice of a span that ends before it starts (a zero-score cell among the top k) is empty.
                var text = end > start ? context[start..end] : "";
                var same = answers.FindIndex(a => string.Equals(a.Text, text, StringComparison.OrdinalIgnoreCase));
                if (same >= 0)
                {
                    answers[same] = answers[same] with { Score = answers[same].Score + span.Score };
                }
                else
                {
                    answers.Add(new Answer(span.Score, start, end, text));
                }
            }
        }

        if (options.HandleImpossibleAnswer)
        {
            answers.Add(new Answer(nullScore, 0, 0, ""));
        }

        return [.. answers.OrderByDescending(a => a.Score).Take(options.TopK)];
    }

    /// <summary>
    /// get_indices: the span's characters, widened to the first and last character of the words its tokens belong to
    /// (word_to_chars within the window); a token without a word ([CLS]) keeps its own offsets.
    /// </summary>
    private static (int Start, int End) Characters(Encoding window, SpanDecoder.Span span, bool alignToWords)
    {
        if (alignToWords && window.WordIds[span.Start] is { } startWord && window.WordIds[span.End] is { } endWord)
        {
            return (WordTokens(window, startWord).Min(t => window.Offsets[t].Start), WordTokens(window, endWord).Max(t => window.Offsets[t].End));
        }

        return (window.Offsets[span.Start].Start, window.Offsets[span.End].End);
    }

    private static IEnumerable<int> WordTokens(Encoding window, int word) =>
        Enumerable.Range(0, window.Length).Where(t => window.SequenceIds[t] == 1 && window.WordIds[t] == word);
}
