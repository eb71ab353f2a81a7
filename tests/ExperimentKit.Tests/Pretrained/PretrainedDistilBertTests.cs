using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tests.Models;
using TorchSharp;

namespace ExperimentKit.Tests.Pretrained;

/// <summary>from_pretrained for a model_type distilbert experiment, on checkpoint folders written by the test.</summary>
[Collection(TorchCollection.Name)]
public sealed class PretrainedDistilBertTests
{
    [Fact]
    public void A_distilbert_base_model_checkpoint_loads_under_the_distilbert_prefix_and_leaves_the_head_newly_initialised()
    {
        using var folder = new TemporaryFolder();
        torch.manual_seed(3);
        using var encoder = new DistilBertModel(TinyDistilBert.Config());
        ModelCheckpoint.SaveSafetensors(encoder, folder.File("model.safetensors"));
        encoder.Config.Save(folder.File("config.json"));
        var console = new RecordingConsole();

        var source = ModelSource<DistilBertConfig>.Resolve(Spec(folder.Path), new SequenceClassificationTask(Spec(folder.Path)), new ConsoleReporter(console.Console));
        using var classifier = new DistilBertForSequenceClassification(source.Config, numLabels: 2);
        var report = source.LoadWeights(classifier, new ConsoleReporter(console.Console))!;

        Assert.Equal(
            ["classifier.bias", "classifier.weight", "pre_classifier.bias", "pre_classifier.weight"],
            report.Missing.Order(StringComparer.Ordinal));
        Assert.Empty(report.Unexpected);
        Assert.Empty(report.ShapeMismatches);
        Assert.Equal(
            encoder.state_dict()["transformer.layer.1.attention.q_lin.weight"].data<float>().ToArray(),
            classifier.state_dict()["distilbert.transformer.layer.1.attention.q_lin.weight"].data<float>().ToArray());
        Assert.Contains("newly initialized: [", console.Text, StringComparison.Ordinal);
        Assert.Equal("positive", source.Config.Id2Label[1]);
    }

    [Fact]
    public void A_bert_checkpoint_under_a_distilbert_experiment_is_an_error_at_the_model_type_line()
    {
        using var folder = new TemporaryFolder();
        new BertConfig { HiddenSize = 32, NumAttentionHeads = 2 }.Save(folder.File("config.json"));

        var error = Assert.Throws<ExperimentConfigurationException>(() => ModelSource<DistilBertConfig>.Resolve(Spec(folder.Path), new SequenceClassificationTask(Spec(folder.Path)), new ConsoleReporter(new RecordingConsole().Console)));

        Assert.Equal(
            $"experiments/x.yaml(3,15): error EK0401: {folder.File("config.json")} is a 'bert' checkpoint, but this experiment is model_type 'distilbert'; "
            + "write 'model_type: bert' in 'model:' (with that architecture's keys) so it builds a model the weights fit.",
            error.Message);
    }

    [Fact]
    public void A_distilbert_checkpoint_under_a_bert_experiment_says_to_write_model_type_distilbert()
    {
        using var folder = new TemporaryFolder();
        TinyDistilBert.Config().Save(folder.File("config.json"));
        var spec = Spec(folder.Path, modelType: null);

        var error = Assert.Throws<ExperimentConfigurationException>(() => ModelSource<BertConfig>.Resolve(spec, new SequenceClassificationTask(spec), new ConsoleReporter(new RecordingConsole().Console)));

        Assert.StartsWith("experiments/x.yaml(3,3): error EK0401: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is a 'distilbert' checkpoint, but this experiment is model_type 'bert' (the default); write 'model_type: distilbert'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distilbert_architecture_key_that_contradicts_config_json_is_an_error_at_its_yaml_line()
    {
        var spec = Spec("/checkpoint", extra: "  dim: 64\n  n_heads: 4\n");

        var error = Assert.Throws<ExperimentConfigurationException>(() => PretrainedConfigMerge.Apply(TinyDistilBert.Config(), "config.json", spec.Model, spec.Locations));

        Assert.StartsWith("experiments/x.yaml(5,8): error EK0401: model.dim is 64 here but 32 in config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistilBert_dropouts_written_in_the_yaml_override_the_checkpoint()
    {
        var spec = Spec("/checkpoint", extra: "  dropout: 0.0\n  seq_classif_dropout: 0.5\n  n_heads: 4\n");

        var merged = Assert.IsType<DistilBertConfig>(PretrainedConfigMerge.Apply(TinyDistilBert.Config(), "config.json", spec.Model, spec.Locations));

        Assert.Equal((0.0, 0.5, 0.1, 32), (merged.Dropout, merged.SeqClassifDropout, merged.AttentionDropout, merged.Dim));
    }

    private static ExperimentSpec Spec(string checkpoint, string? modelType = "distilbert", string extra = "")
    {
        var yaml = "name: x\nmodel:\n"
            + (modelType is null ? string.Empty : $"  model_type: {modelType}\n")
            + $"  pretrained_model_name_or_path: {checkpoint}\n{extra}task: sequence_classification\ndataset:\n  name: glue/sst-2\ntraining: {{}}\n";
        var parsed = ExperimentSpecParser.Parse("experiments/x.yaml", yaml);
        Assert.Empty(parsed.Diagnostics);
        return parsed.Spec!;
    }
}
