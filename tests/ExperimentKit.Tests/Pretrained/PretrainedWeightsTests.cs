using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Runs;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using Spectre.Console;
using TorchSharp;

namespace ExperimentKit.Tests.Pretrained;

/// <summary>from_pretrained semantics on small checkpoints written by the test.</summary>
[Collection(TorchCollection.Name)]
public sealed class PretrainedWeightsTests
{
    private static readonly BertConfig Small = new() { VocabSize = 50, HiddenSize = 16, NumHiddenLayers = 1, NumAttentionHeads = 2, IntermediateSize = 32, MaxPositionEmbeddings = 32 };

    [Fact]
    public void A_base_model_checkpoint_loads_into_the_encoder_and_leaves_the_head_newly_initialised()
    {
        using var folder = new TemporaryFolder();
        torch.manual_seed(1);
        using var encoder = new BertModel(Small);
        ModelCheckpoint.SaveSafetensors(encoder, folder.File("model.safetensors"));
        Small.Save(folder.File("config.json"));
        using var classifier = new BertForSequenceClassification(Small, numLabels: 2);
        var console = new RecordingConsole();

        var report = new ModelSource<BertConfig>(Small, new PretrainedFolder(folder.Path)).LoadWeights(classifier, new ConsoleReporter(console.Console))!;

        Assert.Equal(["classifier.weight", "classifier.bias"], report.Missing.Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(report.Unexpected);
        Assert.Equal(
            encoder.state_dict()["embeddings.word_embeddings.weight"].data<float>().ToArray(),
            classifier.state_dict()["bert.embeddings.word_embeddings.weight"].data<float>().ToArray());
        Assert.Contains("newly initialized: [classifier.weight, classifier.bias]", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_weights_the_model_has_no_place_for_are_reported_unused()
    {
        using var folder = new TemporaryFolder();
        torch.manual_seed(2);
        using var three = new BertForSequenceClassification(Small, numLabels: 3);
        ModelCheckpoint.SaveSafetensors(three, folder.File("model.safetensors"));
        using var encoderOnly = new BertModel(Small);
        var console = new RecordingConsole();

        var report = new ModelSource<BertConfig>(Small, new PretrainedFolder(folder.Path)).LoadWeights(encoderOnly, new ConsoleReporter(console.Console))!;

        Assert.Empty(report.Missing);
        Assert.Equal(["classifier.bias", "classifier.weight"], report.Unexpected);
        Assert.Contains("were not used when initializing BertModel", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_architecture_key_that_contradicts_config_json_is_an_error_at_its_yaml_line()
    {
        const string yaml = "name: x\nmodel:\n  pretrained_model_name_or_path: org/model\n  hidden_size: 768\ntask: sequence_classification\ndataset:\n  name: glue/mrpc\ntraining: {}\n";
        var spec = ExperimentSpecParser.Parse("experiments/x.yaml", yaml).Spec!;

        var error = Assert.Throws<ExperimentConfigurationException>(() => PretrainedConfigMerge.Apply(new BertConfig { HiddenSize = 384, NumAttentionHeads = 12 }, "/cache/config.json", spec.Model, spec.Locations));

        Assert.StartsWith("experiments/x.yaml(4,16): error EK0401: model.hidden_size is 768 here but 384 in /cache/config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropout_written_in_the_yaml_overrides_the_checkpoint_as_from_pretrained_kwargs_do()
    {
        const string yaml = "name: x\nmodel:\n  pretrained_model_name_or_path: org/model\n  hidden_dropout_prob: 0.3\ntask: sequence_classification\ndataset:\n  name: glue/mrpc\ntraining: {}\n";
        var spec = ExperimentSpecParser.Parse("experiments/x.yaml", yaml).Spec!;

        var merged = Assert.IsType<BertConfig>(PretrainedConfigMerge.Apply(new BertConfig { HiddenSize = 384 }, "config.json", spec.Model, spec.Locations));

        Assert.Equal(0.3, merged.HiddenDropoutProb);
        Assert.Equal(384, merged.HiddenSize);
    }

    [Fact]
    public void Classifier_pooling_is_a_head_choice_the_yaml_sets_and_a_checkpoint_keeps()
    {
        static BertConfig Merge(string modelKeys, BertConfig checkpoint)
        {
            var yaml = $"name: x\nmodel:\n  pretrained_model_name_or_path: org/model\n{modelKeys}task: sequence_classification\ndataset:\n  name: glue/mrpc\ntraining: {{}}\n";
            var spec = ExperimentSpecParser.Parse("experiments/x.yaml", yaml).Spec!;
            return Assert.IsType<BertConfig>(PretrainedConfigMerge.Apply(checkpoint, "config.json", spec.Model, spec.Locations));
        }

        var meanCheckpoint = new BertConfig { ClassifierPooling = ClassifierPoolings.Mean };

        Assert.Equal(ClassifierPoolings.Mean, Merge("  classifier_pooling: mean\n", new BertConfig()).ClassifierPooling);
        Assert.Equal(ClassifierPoolings.Mean, Merge("", meanCheckpoint).ClassifierPooling);
        Assert.Equal(ClassifierPoolings.Cls, Merge("  classifier_pooling: cls\n", meanCheckpoint).ClassifierPooling);
    }
}
