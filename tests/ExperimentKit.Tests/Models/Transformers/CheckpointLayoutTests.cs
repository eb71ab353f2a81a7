using System.Text.Json.Nodes;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Tests.Tokenization;
using TorchSharp;

namespace ExperimentKit.Tests.Models.Transformers;

/// <summary>
/// Every head's saved model folder, written by the run folder's own saver (<see cref="ModelFolder"/>), is what
/// transformers' from_pretrained of that architecture expects: tensor names, shapes and dtypes, and config.json's keys.
/// The presets' run folders are checked the same way in PresetTests.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class CheckpointLayoutTests
{
    private static readonly string[] TagNames = ["O", "B-PER", "I-PER"];

    public static TheoryData<string> Architectures => [.. TransformersStateDicts.ByArchitecture.Keys];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void A_saved_head_holds_exactly_what_transformers_loads(string architecture)
    {
        using var folder = new TemporaryFolder();
        var head = Build(architecture);
        using var model = head.Model;

        new ModelFolder(head.Config, Bert.Tokenizer, 128).Write(folder.Path, model);

        Assert.Empty(TransformersLayout.Differences(folder.Path));
    }

    /// <summary>The module's own state dict, tied names included, is transformers' for the same config.</summary>
    [Theory]
    [MemberData(nameof(Architectures))]
    public void A_heads_state_dict_is_transformers_state_dict(string architecture)
    {
        var head = Build(architecture);
        using var model = head.Model;
        var sizes = new ConfigSizes(99, 32, 37, 512, architecture.StartsWith("Bert", StringComparison.Ordinal) ? 2 : 0, 2, head.Config.Id2Label.Count is 0 ? 2 : head.Config.Id2Label.Count);

        var expected = TransformersStateDicts.Expand(architecture, sizes).Select(e => $"{e.Name} [{string.Join(", ", e.Shape)}]");

        Assert.Equal(expected.Order(StringComparer.Ordinal), model.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_extra_misshapen_half_precision_and_tied_tensors_are_each_a_difference()
    {
        var stateDict = TransformersStateDicts.Expand("BertForMaskedLM", new ConfigSizes(99, 32, 37, 512, 2, 1, 2));
        var saved = stateDict.Where(e => !e.Tied).Select(e => (e.Name, DType: "F32", e.Shape)).ToList();
        Assert.Empty(TransformersLayout.WeightDifferences(stateDict, saved));

        Assert.Equal(["missing tensor cls.predictions.bias"], TransformersLayout.WeightDifferences(stateDict, [.. saved.Where(t => t.Name != "cls.predictions.bias")]));
        Assert.Equal(["unexpected tensor bert.pooler.dense.weight"], TransformersLayout.WeightDifferences(stateDict, [.. saved, ("bert.pooler.dense.weight", "F32", [32, 32])]));
        Assert.Equal(
            ["tied duplicate cls.predictions.decoder.weight saved (save_pretrained keeps only its owner)"],
            TransformersLayout.WeightDifferences(stateDict, [.. saved, ("cls.predictions.decoder.weight", "F32", [99, 32])]));
        Assert.Equal(
            ["cls.predictions.bias has shape [98], transformers expects [99]"],
            TransformersLayout.WeightDifferences(stateDict, [.. saved.Select(t => t.Name == "cls.predictions.bias" ? (t.Name, t.DType, new long[] { 98 }) : t)]));
        Assert.Equal(
            ["cls.predictions.bias is F16, transformers saves a float32 model as F32"],
            TransformersLayout.WeightDifferences(stateDict, [.. saved.Select(t => t.Name == "cls.predictions.bias" ? (t.Name, "F16", t.Shape) : t)]));
    }

    [Fact]
    public void A_config_key_missing_or_foreign_is_a_difference()
    {
        using var folder = new TemporaryFolder();
        var head = Build("BertForSequenceClassification");
        using var model = head.Model;
        new ModelFolder(head.Config, Bert.Tokenizer, 128).Write(folder.Path, model);
        var path = folder.File("config.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config.Remove("use_cache");
        config["num_labels"] = 3;
        File.WriteAllText(path, config.ToJsonString());

        Assert.Equal(
            ["config.json lacks use_cache", "config.json has num_labels, which BertForSequenceClassification does not write"],
            TransformersLayout.Differences(folder.Path));
    }

    /// <summary>The head a run builds, with the config a run gives it (tiny sizes; class names and problem_type where the head has them).</summary>
    private static (torch.nn.Module Model, PretrainedConfig Config) Build(string architecture)
    {
        var bert = TinyBert.ForHeads();
        var distilBert = TinyDistilBert.ForHeads();
        return architecture switch
        {
            "BertForSequenceClassification" => Head(new BertForSequenceClassification(bert.WithLabelNames(TagNames) with { ProblemType = "single_label_classification" }, TagNames.Length), m => m.Config),
            "BertForTokenClassification" => Head(new BertForTokenClassification(bert.WithLabelNames(TagNames), TagNames.Length), m => m.Config),
            "BertForQuestionAnswering" => Head(new BertForQuestionAnswering(bert), m => m.Config),
            "BertForMultipleChoice" => Head(new BertForMultipleChoice(bert), m => m.Config),
            "BertForMaskedLM" => Head(new BertForMaskedLM(bert), m => m.Config),
            "DistilBertForSequenceClassification" => Head(new DistilBertForSequenceClassification(distilBert.WithLabelNames(TagNames) with { ProblemType = "regression" }, TagNames.Length), m => m.Config),
            "DistilBertForTokenClassification" => Head(new DistilBertForTokenClassification(distilBert.WithLabelNames(TagNames), TagNames.Length), m => m.Config),
            "DistilBertForQuestionAnswering" => Head(new DistilBertForQuestionAnswering(distilBert), m => m.Config),
            _ => Head(new DistilBertForMultipleChoice(distilBert), m => m.Config),
        };
    }

    private static (torch.nn.Module Model, PretrainedConfig Config) Head<TModel>(TModel model, Func<TModel, PretrainedConfig> config)
        where TModel : torch.nn.Module => (model, config(model));
}
