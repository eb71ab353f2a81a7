using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class ModelCheckpointTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ek-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Save_then_load_into_a_fresh_model_gives_identical_logits()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(directory, "model.safetensors");
        var ids = randint(1, 100, [3, 9], dtype: ScalarType.Int64);
        var mask = ones(3, 9, dtype: ScalarType.Int64);
        manual_seed(1);
        using var trained = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        trained.eval();
        ModelCheckpoint.SaveSafetensors(trained, path);

        manual_seed(2);
        using var restored = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        restored.eval();
        var report = ModelCheckpoint.LoadSafetensors(restored, path);

        Assert.True(report.IsExact, string.Join(", ", report.Missing.Concat(report.Unexpected)));
        using var reader = SafeTensorsFile.Open(path);
        Assert.Equal("pt", reader.Metadata["format"]);
        Assert.Contains("bert.encoder.layer.0.attention.self.query.weight", reader.Entries.Keys);
        Assert.True(TinyBert.SameBits(trained.forward(ids, mask, null, null).Logits, restored.forward(ids, mask, null, null).Logits));
    }

    [Fact]
    public void A_base_model_checkpoint_reports_the_new_head_as_missing_and_the_extra_tensors_as_unexpected()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(directory, "base.safetensors");
        using var pretrained = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        var state = pretrained.state_dict().Where(kv => !kv.Key.StartsWith("classifier.", StringComparison.Ordinal)).Select(kv => (kv.Key, kv.Value));
        SafeTensorsFile.Save(path, state.Append(("cls.predictions.bias", zeros(100))));

        using var model = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        var report = ModelCheckpoint.LoadSafetensors(model, path);

        Assert.Equal(["classifier.weight", "classifier.bias"], report.Missing.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["cls.predictions.bias"], report.Unexpected);
        Assert.Empty(report.ShapeMismatches);
    }

    [Fact]
    public void A_shape_mismatch_names_both_shapes_and_loads_nothing_unless_ignored()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(directory, "three-labels.safetensors");
        using var threeLabels = new BertForSequenceClassification(TinyBert.Config(), numLabels: 3);
        ModelCheckpoint.SaveSafetensors(threeLabels, path);
        using var twoLabels = new BertForSequenceClassification(TinyBert.Config(), numLabels: 2);
        var before = twoLabels.state_dict()["bert.pooler.dense.weight"].clone();

        var error = Assert.Throws<InvalidDataException>(() => ModelCheckpoint.LoadSafetensors(twoLabels, path));

        Assert.Contains("classifier.weight: checkpoint [3, 32] vs model [2, 32]", error.Message, StringComparison.Ordinal);
        Assert.True(TinyBert.SameBits(before, twoLabels.state_dict()["bert.pooler.dense.weight"]), "nothing was copied");

        var report = ModelCheckpoint.LoadSafetensors(twoLabels, path, ignoreMismatchedSizes: true);
        Assert.Equal(2, report.ShapeMismatches.Count);
        Assert.True(TinyBert.SameBits(threeLabels.state_dict()["bert.pooler.dense.weight"], twoLabels.state_dict()["bert.pooler.dense.weight"]));
    }
}
