using System.IO.Compression;
using System.Text;
using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>Reads Fixtures/pytorch_model.bin, written by Fixtures/make_pytorch_model_bin.py in torch.save's format.</summary>
public sealed class PyTorchCheckpointTests
{
    private static string Fixture => Path.Combine(TestData.RepositoryRoot, "tests", "ExperimentKit.Tests", "Models", "Fixtures", "pytorch_model.bin");

    [Fact]
    public void Names_shapes_dtypes_and_values_come_back_including_views_of_a_shared_storage()
    {
        using var scope = NewDisposeScope();
        using var checkpoint = CheckpointTensors.OpenPyTorch(Fixture);

        Assert.Equal(
            ["decoder.weight", "encoder.bias", "encoder.weight", "encoder.weight_t", "keep", "position_ids", "scale"],
            checkpoint.Names.Order(StringComparer.Ordinal));
        Assert.Equal([3L, 2], checkpoint.Shape("encoder.weight_t"));
        Assert.Empty(checkpoint.Shape("scale"));

        var weight = tensor(new[,] { { -1f, -0.5f, 0f }, { 0.5f, 1f, 1.5f } });
        AssertSame(weight, checkpoint.Read("encoder.weight"));
        AssertSame(weight, checkpoint.Read("decoder.weight"));
        AssertSame(tensor(new[] { 1f, 1.5f }), checkpoint.Read("encoder.bias"));
        AssertSame(weight.t().contiguous(), checkpoint.Read("encoder.weight_t"));
        AssertSame(tensor(new[,] { { 3L, -7L, 1L << 40 } }), checkpoint.Read("position_ids"));
        AssertSame(tensor(-2.0f).to_type(ScalarType.Float16), checkpoint.Read("scale"));
        AssertSame(tensor(new[] { true, false, true }), checkpoint.Read("keep"));
    }

    [Fact]
    public void A_pretrained_folder_with_only_pytorch_model_bin_opens_it()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Fixture, folder.File(PretrainedFolder.PyTorchFile));

        using var weights = new PretrainedFolder(folder.Path).OpenWeights();

        Assert.Equal(folder.File(PretrainedFolder.PyTorchFile), weights.Source);
        Assert.Contains("encoder.weight", weights.Names);
    }

    [Fact]
    public void Model_checkpoint_loads_from_it_under_mapped_names()
    {
        using var scope = NewDisposeScope();
        using var checkpoint = CheckpointTensors.OpenPyTorch(Fixture);
        using var linear = nn.Linear(3, 2);

        var report = ModelCheckpoint.Load(linear, checkpoint, name => name.StartsWith("encoder.", StringComparison.Ordinal) ? name["encoder.".Length..] : name);

        Assert.Empty(report.Missing);
        Assert.Contains("decoder.weight", report.Unexpected);
        AssertSame(tensor(new[,] { { -1f, -0.5f, 0f }, { 0.5f, 1f, 1.5f } }), linear.weight!.detach());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_or_is_cut_short_is_invalid_data_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        var garbage = folder.File("garbage.bin");
        File.WriteAllBytes(garbage, Encoding.ASCII.GetBytes("definitely not a checkpoint"));
        var truncated = folder.File("truncated.bin");
        var bytes = File.ReadAllBytes(Fixture);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        foreach (var path in new[] { garbage, truncated })
        {
            var error = Assert.Throws<InvalidDataException>(() => CheckpointTensors.OpenPyTorch(path).Dispose());
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pickle_naming_anything_but_tensors_is_refused_without_running_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("evil.bin");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var pickle = archive.CreateEntry("archive/data.pkl").Open();
            // PROTO 2, GLOBAL os.system, SHORT_BINUNICODE "true", TUPLE1, REDUCE, STOP
            pickle.Write([0x80, 2, .. "cos\nsystem\n"u8, 0x8c, 4, .. "true"u8, 0x85, (byte)'R', (byte)'.']);
        }

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTensors.OpenPyTorch(path).Dispose());

        Assert.Equal($"{path}: 'os.system' is not a state-dict global; only tensors and their storages are read.", error.Message);
    }

    private static void AssertSame(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(expected.eq(actual).all().item<bool>(), $"{expected.str()} vs {actual.str()}");
    }
}
