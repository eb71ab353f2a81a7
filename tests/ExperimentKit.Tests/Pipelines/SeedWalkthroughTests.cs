using ExperimentKit.Pipelines;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>The seed's <c>pipeline("sentiment-analysis")</c> walkthrough: tokenizer → model → logits → softmax → id2label.</summary>
[Collection(TorchCollection.Name)]
public sealed class SeedWalkthroughTests(TinyModelFolders folders) : IClassFixture<TinyModelFolders>
{
    private static readonly TextInput[] SeedSentences =
    [
        "I've been waiting for a HuggingFace course my whole life.",
        "I hate this so much!",
    ];

    [Fact]
    public void Two_sentences_give_logits_of_shape_2_by_2_softmax_rows_summing_to_one_and_labels_from_id2label()
    {
        using var classifier = (TextClassificationPipeline)Pipeline.Create("sentiment-analysis", folders.Sentiment);

        var logits = classifier.Logits(SeedSentences);
        var all = classifier.Predict(SeedSentences, topK: null);
        var best = classifier.Predict(SeedSentences);

        Assert.Equal((2, 2), (logits.Length, logits[0].Length));
        Assert.All(all, row => Assert.Equal(1.0, row.Sum(s => (double)s.Score), 6));
        Assert.All(all, row => Assert.Equal(["NEGATIVE", "POSITIVE"], row.Select(s => s.Label).Order(StringComparer.Ordinal)));
        for (var i = 0; i < 2; i++)
        {
            var expected = logits[i][1] > logits[i][0] ? "POSITIVE" : "NEGATIVE";
            var probability = 1 / (1 + Math.Exp(-Math.Abs(logits[i][1] - logits[i][0])));
            Assert.Equal(expected, Assert.Single(best[i]).Label);
            Assert.Equal(probability, best[i][0].Score, 5);
        }
    }

    [Fact]
    public void The_readme_call_takes_plain_strings()
    {
        using var classifier = (TextClassificationPipeline)Pipeline.Create("sentiment-analysis", folders.Sentiment);

        var results = classifier.Predict(["I've been waiting for a HuggingFace course my whole life.", "I hate this so much!"]);

        Assert.Equal(2, results.Count);
        Assert.Equal(classifier.Predict(SeedSentences)[1], results[1]);
    }

    [Fact]
    public void Each_input_gets_the_same_result_alone_as_in_a_batch_and_in_input_order()
    {
        using var classifier = new TextClassificationPipeline(folders.Sentiment, new PipelineOptions(BatchSize: 2));
        TextInput[] inputs = [SeedSentences[1], SeedSentences[0], new("This is the first sentence.", "This is the second one.")];

        var together = classifier.Logits(inputs);
        var alone = inputs.Select(input => classifier.Logits([input])[0]).ToArray();

        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(alone[i], together[i], (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }

    [Fact]
    public void Function_to_apply_and_top_k_shape_the_scores_as_transformers_does()
    {
        using var classifier = new TextClassificationPipeline(folders.Sentiment);
        var logits = classifier.Logits([SeedSentences[0]])[0];

        var raw = classifier.Predict([SeedSentences[0]], topK: null, ClassificationFunction.None)[0];
        var sigmoid = classifier.Predict([SeedSentences[0]], topK: 2, ClassificationFunction.Sigmoid)[0];

        Assert.Equal(logits.Max(), raw[0].Score);
        Assert.Equal(logits.Min(), raw[1].Score);
        Assert.Equal(1 / (1 + Math.Exp(-logits.Max())), sigmoid[0].Score, 5);
        Assert.True(sigmoid[0].Score >= sigmoid[1].Score);
    }
}
