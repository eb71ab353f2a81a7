using System.Diagnostics;
using ExperimentKit.Data;
using ExperimentKit.Data.QuestionAnswering;
using ExperimentKit.Metrics;
using ExperimentKit.Tests.Tokenization;
using Xunit.Abstractions;

namespace ExperimentKit.Tests.QuestionAnswering;

/// <summary>
/// Windows and labels of prepare_train_features / prepare_validation_features, on hand-made contexts (every letter one
/// token, so the letter of word w has offsets (2w, 2w + 1)) and on the real SQuAD dev halves.
/// </summary>
public sealed class QuestionAnsweringFeaturesTests(ITestOutputHelper output)
{
    // Ten one-token words: "a" at 0, "b" at 2, ..., "j" at 18.
    private const string Ten = "a b c d e f g h i j";

    [Fact]
    public void An_answer_only_in_the_second_window_labels_the_first_with_CLS()
    {
        // Budget 10 - 3 - 2 (question "x y") = 5 context tokens per window, stride 2: a..e, then d..h, then g..j.
        var features = Encode(Example(Ten, "f", 10), maxLength: 10, docStride: 2);

        Assert.Equal(["[CLS] x y [SEP] a b c d e [SEP]", "[CLS] x y [SEP] d e f g h [SEP]", "[CLS] x y [SEP] g h i j [SEP]"], Rows(features));
        Assert.Equal([[0f, 0f], [6f, 6f], [0f, 0f]], features.Select(f => f.Labels));
        Assert.All(features, f => Assert.Equal(0, f.SourceIndex));
    }

    [Fact]
    public void An_answer_across_the_window_border_is_labelled_only_where_it_is_whole()
    {
        // "e f" ends the first window at e: not whole there; the second window (d..h) holds both.
        var features = Encode(Example(Ten, "e f", 8), maxLength: 10, docStride: 2);

        Assert.Equal([[0f, 0f], [5f, 6f], [0f, 0f]], features.Select(f => f.Labels));
    }

    [Fact]
    public void Offsets_keep_only_the_context_tokens()
    {
        var feature = Encode(Example(Ten, "e f", 8), maxLength: 10, docStride: 2)[1];

        Assert.Equal([-1, -1, -1, -1, -1, -1, -1, -1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, -1, -1], feature.Offsets!);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 1, 1], feature.TokenTypeIds);
    }

    [Fact]
    public void An_answer_in_the_last_context_token_starts_at_the_final_SEP_as_in_run_qa()
    {
        // run_qa's start walk passes the last context token and the [SEP] after it (offsets (0, 0)): its own "edge case".
        var features = Encode(Example(Ten, "e", 8), maxLength: 10, docStride: 2);

        Assert.Equal([9f, 8f], features[0].Labels);
        Assert.Equal([5f, 5f], features[1].Labels);
    }

    [Fact]
    public void Words_of_several_tokens_are_labelled_from_their_first_to_their_last_token()
    {
        // "hugging" and "face" (##face) are two tokens of "HuggingFace"; the answer "Face" is the second only.
        var features = Encode(Example("I love HuggingFace models", "Face", 14));

        var feature = Assert.Single(features);
        Assert.Equal("[CLS] x y [SEP] i love hugging ##face models [SEP]", Rows(features).Single());
        Assert.Equal([7f, 7f], feature.Labels);
        Assert.Equal([14, 18], feature.Offsets![14..16]);
    }

    [Fact]
    public void Windows_follow_example_order_with_their_source_index()
    {
        SquadExample[] examples = [Example(Ten, "a", 0), Example("k l", "k", 0), Example(Ten, "i", 16)];

        var features = QuestionAnsweringFeatures.Encode(examples, Bert.Tokenizer, maxLength: 10, docStride: 2);

        Assert.Equal([0, 0, 0, 1, 2, 2, 2], features.Select(f => f.SourceIndex));
        Assert.Equal([[4f, 4f], [0f, 0f], [0f, 0f], [4f, 4f], [0f, 0f], [0f, 0f], [6f, 6f]], features.Select(f => f.Labels));
    }

    [Fact]
    public void A_question_too_long_for_its_window_names_the_question()
    {
        var example = new SquadExample("long-one", "", Ten, "x y z w v u t", [new SquadAnswer("a", 0)]);

        var ex = Assert.Throws<ArgumentException>(() => Encode(example, maxLength: 10, docStride: 2));

        Assert.StartsWith("Question long-one:", ex.Message, StringComparison.Ordinal);
    }

    // 5103 + 5681 = 10784 windows for the 10570 questions of the whole dev set: the eval_samples that run_qa.py
    // reports for bert-base-uncased at max_seq_length 384, doc_stride 128.
    [Theory]
    [InlineData("dev-v1.1.part_a.json", 4961, 5103)]
    [InlineData("dev-v1.1.part_b.json", 5609, 5681)]
    public void Real_dev_windows_hold_their_answers_wherever_they_are_labelled(string file, int questions, int windows)
    {
        var examples = SquadReader.Read(TestData.Path("squad", file));
        var tokenizer = Bert.Tokenizer;
        var clock = Stopwatch.StartNew();

        var features = QuestionAnsweringFeatures.Encode(examples, tokenizer);

        output.WriteLine($"{file}: {examples.Count} questions, {features.Length} windows at 384/128 in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(questions, examples.Count);
        Assert.Equal(windows, features.Length);
        Assert.Equal(Enumerable.Range(0, questions), features.Select(f => f.SourceIndex).Distinct());
        Assert.True(features.Zip(features.Skip(1)).All(p => p.First.SourceIndex <= p.Second.SourceIndex), "windows out of example order");
        Assert.All(features, f => Assert.InRange(f.Length, 1, QuestionAnsweringFeatures.DefaultMaxLength));

        int labelled = 0;
        int atFinalSeparator = 0;
        var answered = new HashSet<int>();
        foreach (var feature in features)
        {
            if (feature.Labels is [0, 0])
            {
                continue;
            }

            var example = examples[feature.SourceIndex];
            int start = (int)feature.Labels[0];
            int end = (int)feature.Labels[1];
            answered.Add(feature.SourceIndex);
            if (start == feature.Length - 1)
            {
                // run_qa's edge case: the answer starts in the last context token; its end is still right.
                atFinalSeparator++;
                Assert.Equal(example.Answers[0].AnswerEnd, feature.Offsets![(2 * end) + 1]);
                continue;
            }

            labelled++;
            string span = example.Context[feature.Offsets![2 * start]..feature.Offsets[(2 * end) + 1]];
            Assert.Contains(SquadScores.NormalizeAnswer(example.Answers[0].Text), SquadScores.NormalizeAnswer(span), StringComparison.Ordinal);
        }

        output.WriteLine($"{labelled} windows labelled with their answer, {atFinalSeparator} at the final [SEP]; {answered.Count} questions answered in some window");

        // Only an answer longer than a window's context, or cut by every window border, is in no window whole.
        Assert.InRange(answered.Count, questions * 999 / 1000, questions);
    }

    private static SquadExample Example(string context, string answer, int start) =>
        new("q", "", context, "x y", [new SquadAnswer(answer, start)]);

    private static EncodedExample[] Encode(SquadExample example, int maxLength = QuestionAnsweringFeatures.DefaultMaxLength, int docStride = QuestionAnsweringFeatures.DefaultDocStride) =>
        QuestionAnsweringFeatures.Encode([example], Bert.Tokenizer, maxLength, docStride);

    private static string[] Rows(IEnumerable<EncodedExample> features) =>
        [.. features.Select(f => string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(f.InputIds)))];
}
