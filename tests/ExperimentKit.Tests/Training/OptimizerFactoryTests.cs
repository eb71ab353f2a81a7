using ExperimentKit.Training;

namespace ExperimentKit.Tests.Training;

public sealed class OptimizerFactoryTests
{
    [Theory]
    [InlineData("bert.encoder.layer.0.attention.self.query.weight", true)]
    [InlineData("classifier.weight", true)]
    [InlineData("bert.embeddings.word_embeddings.weight", true)]
    [InlineData("bert.encoder.layer.0.attention.self.query.bias", false)]
    [InlineData("bert.embeddings.LayerNorm.weight", false)]
    [InlineData("bert.encoder.layer.3.output.LayerNorm.bias", false)]
    public void Weight_decay_skips_biases_and_layer_norms(string name, bool decays) =>
        Assert.Equal(decays, OptimizerFactory.DecaysWeight(name));
}
