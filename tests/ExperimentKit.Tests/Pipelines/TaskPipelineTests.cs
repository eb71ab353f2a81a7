using ExperimentKit.Pipelines;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>token-classification, question-answering, fill-mask and zero-shot-classification on tiny seeded models.</summary>
[Collection(TorchCollection.Name)]
public sealed class TaskPipelineTests(TinyModelFolders folders) : IClassFixture<TinyModelFolders>
{
    [Fact]
    public void Token_classification_offsets_point_into_the_original_text_and_words_keep_their_pieces_together()
    {
        const string text = "Jean-Luc Picard visited Überlingen.";
        using var ner = new TokenClassificationPipeline(folders.Ner);

        var tokens = ner.Predict([text], AggregationStrategy.None, ignoreLabels: [])[0];
        var words = ner.Predict([text], AggregationStrategy.First, ignoreLabels: [])[0];

        Assert.Equal(["jean", "-", "luc", "pic", "##ard", "visited", "uber", "##ling", "##en", "."], tokens.Select(t => t.Word));
        Assert.Equal(["Jean", "-", "Luc", "Pic", "ard", "visited", "Über", "ling", "en", "."], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], tokens.Select(t => t.Index!.Value));
        // Grouped results cover whole words, whatever their pieces are labelled: "Picard" and "Überlingen" stay whole.
        Assert.All(words, w => Assert.DoesNotContain(text[w.Start..w.End], new[] { "Pic", "ard", "Über", "ling", "en", "lingen", "Überling" }));
        Assert.Contains(words, w => text[w.Start..w.End].Contains("Überlingen", StringComparison.Ordinal));
    }

    [Fact]
    public void Question_answering_over_a_long_context_reads_every_window_and_answers_with_whole_words_of_the_context()
    {
        var context = string.Join(" ", Enumerable.Repeat("The Normans gave their name to Normandy, a region in France.", 20));
        using var reader = new QuestionAnsweringPipeline(folders.QuestionAnswering);

        var answers = reader.Answer("In what country is Normandy located?", context, new QuestionAnsweringOptions(TopK: 3, DocStride: 16, MaxSeqLength: 64, MaxAnswerLength: 5));

        Assert.InRange(answers.Count, 1, 3);
        Assert.True(answers.Zip(answers.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(answers, a =>
        {
            Assert.Equal(context[a.Start..a.End], a.Text);
            Assert.True(a.Start == 0 || !char.IsLetterOrDigit(context[a.Start - 1]), $"'{a.Text}' starts inside a word");
            Assert.True(a.End == context.Length || !char.IsLetterOrDigit(context[a.End]), $"'{a.Text}' ends inside a word");
            Assert.InRange(a.Score, 0f, 1f);
        });
    }

    [Fact]
    public void Question_answering_spans_are_the_best_products_of_start_and_end_probabilities_in_the_context()
    {
        // Window: [CLS] q [SEP] c1 c2 c3 [SEP]; the question and [SEP]s cannot answer.
        bool[] canAnswer = [true, false, false, true, true, true, false];
        float[] starts = [0f, 9f, 0f, 2f, 1f, 0f, 0f];
        float[] ends = [0f, 0f, 9f, 0f, 1f, 2f, 0f];

        var spans = SpanDecoder.Decode(starts, ends, canAnswer, topK: 2, maxAnswerLength: 3, out var nullScore);

        var p = Probabilities.Softmax([0f, -10000f, -10000f, 2f, 1f, 0f, -10000f]);
        var q = Probabilities.Softmax([0f, -10000f, -10000f, 0f, 1f, 2f, -10000f]);
        Assert.Equal((3, 5), (spans[0].Start, spans[0].End));
        Assert.Equal(p[3] * q[5], spans[0].Score, 6);
        Assert.Equal((3, 4), (spans[1].Start, spans[1].End));
        Assert.Equal(p[0] * q[0], nullScore, 6);
        Assert.DoesNotContain(SpanDecoder.Decode(starts, ends, canAnswer, topK: 3, maxAnswerLength: 1, out _), s => s.End != s.Start);
    }

    [Fact]
    public void Fill_mask_ranks_the_vocabulary_at_the_mask_and_decodes_the_filled_sentence()
    {
        using var filler = new FillMaskPipeline(folders.MaskedLm);

        var single = filler.Fill(["Paris is the [MASK] of France."], topK: 3)[0];
        var double_ = filler.Fill(["[MASK] is the [MASK] of France."])[0];

        var candidates = Assert.Single(single);
        Assert.Equal(3, candidates.Count);
        Assert.True(candidates.Zip(candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(candidates, c =>
        {
            Assert.Equal(filler.Tokenizer.Vocabulary.GetToken(c.Token), c.TokenStr);
            Assert.StartsWith("paris is the ", c.Sequence, StringComparison.Ordinal);
            Assert.EndsWith(" of france.", c.Sequence, StringComparison.Ordinal);
        });
        Assert.Equal(2, double_.Count);
        Assert.All(double_, mask => Assert.Equal(FillMaskPipeline.DefaultTopK, mask.Count));
        Assert.Contains("[MASK]", double_[0][0].Sequence, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => filler.Fill(["No mask here."]));
    }

    [Fact]
    public void Zero_shot_finds_entailment_in_id2label_and_scores_labels_together_or_each_alone()
    {
        using var zeroShot = new ZeroShotClassificationPipeline(folders.Nli);
        string[] labels = ["sports", "politics", "cooking"];

        var single = zeroShot.Classify(["The match went to penalties."], labels)[0];
        var multi = zeroShot.Classify(["The match went to penalties."], labels, "This text is about {}.", multiLabel: true)[0];

        Assert.Equal(1, zeroShot.EntailmentId);
        Assert.Equal(1.0, single.Scores.Sum(s => (double)s), 5);
        Assert.Equal(labels.Order(StringComparer.Ordinal), single.Labels.Order(StringComparer.Ordinal));
        Assert.True(single.Scores.Zip(single.Scores.Skip(1)).All(p => p.First >= p.Second));
        Assert.All(multi.Scores, s => Assert.InRange(s, 0f, 1f));
        Assert.Throws<ArgumentException>(() => zeroShot.Classify(["x"], labels, "no placeholder"));
    }

    [Fact]
    public void Zero_shot_scores_follow_transformers_from_the_logits()
    {
        float[][] logits = [[1f, 3f, 0f], [2f, 1f, 0f]];

        var together = ZeroShotScores.Compute(logits, entailmentId: 1, multiLabel: false);
        var alone = ZeroShotScores.Compute(logits, entailmentId: 1, multiLabel: true);
        var entailmentFirst = ZeroShotScores.Compute(logits, entailmentId: 0, multiLabel: true);

        Assert.Equal(Probabilities.Softmax([3f, 1f]), together);
        Assert.Equal([Probabilities.Softmax([1f, 3f])[1], Probabilities.Softmax([2f, 1f])[1]], alone);
        // Entailment at 0: contradiction is the last class, as numpy's index -1.
        Assert.Equal([Probabilities.Softmax([0f, 1f])[1], Probabilities.Softmax([0f, 2f])[1]], entailmentFirst);
        Assert.Equal(["b", "a"], ZeroShotScores.Ranked("s", ["a", "b"], [0.5f, 0.5f]).Labels);
    }
}
