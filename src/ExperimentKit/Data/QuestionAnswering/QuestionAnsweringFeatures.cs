using ExperimentKit.Metrics;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// run_qa.py's prepare_train_features and prepare_validation_features in one pass: each question (left-stripped) with
/// its context, cut into windows of at most maxLength tokens that overlap by docStride context tokens
/// (truncation="only_second", return_overflowing_tokens, return_offsets_mapping, no padding: the collator pads).
/// </summary>
public static class QuestionAnsweringFeatures
{
    public const int DefaultMaxLength = 384;

    public const int DefaultDocStride = 128;

    /// <summary>
    /// One <see cref="EncodedExample"/> per window, in example order and, within an example, in the tokenizer's window
    /// order (overflow_to_sample_mapping order). Every window, for training and evaluation alike, gets
    /// <see cref="EncodedExample.Labels"/> = [start_position, end_position] as prepare_train_features sets them (so
    /// evaluation can report a loss), <see cref="EncodedExample.SourceIndex"/> = the example's index, and
    /// <see cref="EncodedExample.Offsets"/> = the character span of each context token and -1 for every other token (the
    /// offsets prepare_validation_features keeps). Examples are tokenized in parallel; the result does not depend on it.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A question leaves no room for its context in <paramref name="maxLength"/> tokens, or the stride is not shorter than a
    /// window; the message names the question (the error of the first such example in order).
    /// </exception>
    public static EncodedExample[] Encode(
        IReadOnlyList<SquadExample> examples, BertTokenizer tokenizer, int maxLength = DefaultMaxLength, int docStride = DefaultDocStride)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var options = new EncodeOptions(
            MaxLength: maxLength, Truncation: TruncationStrategy.OnlySecond, Stride: docStride, ReturnOverflowingTokens: true);
        var windows = new EncodedExample[examples.Count][];
        var failures = new ArgumentException?[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            try
            {
                windows[i] = Windows(examples[i], i, tokenizer, options);
            }
            catch (ArgumentException e)
            {
                failures[i] = new ArgumentException($"Question {examples[i].Id}: {e.Message}", nameof(examples), e);
            }
        });

        // The first failing example in order, not whichever thread failed first: the same input gives the same error.
        if (Array.Find(failures, failure => failure is not null) is { } first)
        {
            throw first;
        }

        return [.. windows.SelectMany(w => w)];
    }

    private static EncodedExample[] Windows(SquadExample example, int index, BertTokenizer tokenizer, EncodeOptions options)
    {
        // run_qa strips the question's leading whitespace, which takes the context's room with tokenizers that keep
        // whitespace; BERT's drops it anyway.
        Encoding encoding = tokenizer.Encode(PythonWhitespace.LStrip(example.Question), example.Context, options);
        int classifierId = tokenizer.Vocabulary.ClassifierId;
        return [.. new[] { encoding }.Concat(encoding.Overflowing).Select(window => Feature(window, example, index, classifierId))];
    }

    private static EncodedExample Feature(Encoding window, SquadExample example, int index, int classifierId) =>
        new(window.InputIds, window.TokenTypeIds, AnswerPositions(window, example.Answers, classifierId))
        {
            SourceIndex = index,
            Offsets = ContextOffsets(window),
        };

    /// <summary>
    /// prepare_train_features' start_positions and end_positions for the first answer: the tokens that hold its first
    /// and last character, or [CLS] twice when the window does not contain the whole answer (or there is no answer).
    /// Kept exactly, edge case included: when the answer starts in the window's last context token, the start walk
    /// runs on over the final [SEP] (offsets (0, 0)) and the start position is that [SEP].
    /// </summary>
    private static float[] AnswerPositions(Encoding window, IReadOnlyList<SquadAnswer> answers, int classifierId)
    {
        int classifier = Math.Max(0, Array.IndexOf(window.InputIds, classifierId));
        int first = Array.IndexOf(window.SequenceIds, 1);
        int last = Array.LastIndexOf(window.SequenceIds, 1);
        (int Start, int End)[] offsets = window.Offsets;

        // A window without context tokens (an empty context) cannot hold an answer; run_qa would fail on it.
        if (answers.Count == 0 || first < 0)
        {
            return [classifier, classifier];
        }

        int startChar = answers[0].AnswerStart;
        int endChar = answers[0].AnswerEnd;
        if (!(offsets[first].Start <= startChar && offsets[last].End >= endChar))
        {
            return [classifier, classifier];
        }

        int start = first;
        while (start < offsets.Length && offsets[start].Start <= startChar)
        {
            start++;
        }

        // Bounded at [CLS], which only an empty answer (end 0) would walk past.
        int end = last;
        while (end > 0 && offsets[end].End >= endChar)
        {
            end--;
        }

        return [start - 1, end + 1];
    }

    private static int[] ContextOffsets(Encoding window)
    {
        var offsets = new int[2 * window.Length];
        for (int i = 0; i < window.Length; i++)
        {
            bool context = window.SequenceIds[i] == 1;
            offsets[2 * i] = context ? window.Offsets[i].Start : -1;
            offsets[(2 * i) + 1] = context ? window.Offsets[i].End : -1;
        }

        return offsets;
    }
}
