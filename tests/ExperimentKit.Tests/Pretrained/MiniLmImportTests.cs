using ExperimentKit.Models;
using ExperimentKit.Models.Onnx;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Tests.Tokenization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;

namespace ExperimentKit.Tests.Pretrained;

/// <summary>
/// The embedded all-MiniLM-L6-v2: imported into a Hugging Face folder, and our encoder on those weights against
/// ONNX Runtime on the very same ONNX file (the numerical reference), on real MRPC validation pairs.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class MiniLmImportTests(ImportedMiniLm imported) : IClassFixture<ImportedMiniLm>
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void The_import_is_a_hugging_face_bert_model_folder()
    {
        var config = BertConfig.Load(imported.Folder.Config);
        using var weights = SafeTensorsFile.Open(imported.Folder.File("model.safetensors"));

        Assert.Equal((384, 6, 12, 1536), (config.HiddenSize, config.NumHiddenLayers, config.NumAttentionHeads, config.IntermediateSize));
        Assert.Equal(103, weights.Entries.Count);
        Assert.Equal([1536L, 384L], weights.Entries["encoder.layer.5.intermediate.dense.weight"].Shape.ToArray());
        Assert.Equal(30522, File.ReadAllLines(imported.Folder.File("vocab.txt")).Length);
        Assert.DoesNotContain("\r", File.ReadAllText(imported.Folder.File("vocab.txt")), StringComparison.Ordinal);
        Assert.Equal(imported.Folder.Path, PretrainedResolver.Resolve(EmbeddedModels.AllMiniLmL6V2.RepoId, imported.Cache).Path);
    }

    [Fact]
    public void Every_bert_model_parameter_is_loaded_from_the_import()
    {
        using var model = new BertModel(BertConfig.Load(imported.Folder.Config));

        var report = ModelCheckpoint.LoadSafetensors(model, imported.Folder.File("model.safetensors"));

        Assert.True(report.IsExact, $"missing {string.Join(", ", report.Missing)}; unexpected {string.Join(", ", report.Unexpected)}");
    }

    [Fact]
    public void Our_encoder_matches_onnx_runtime_on_mrpc_validation_pairs()
    {
        using var model = new BertModel(BertConfig.Load(imported.Folder.Config));
        ModelCheckpoint.LoadSafetensors(model, imported.Folder.File("model.safetensors"));
        model.eval();
        var onnx = AssemblyResourceReader.Read(ImportedMiniLm.OnnxAssembly, EmbeddedModels.AllMiniLmL6V2.OnnxResource);
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        using var session = new InferenceSession(onnx, options);
        var pairs = Glue.MrpcPairs("dev").Take(32).ToArray();

        var (hiddenDifference, poolerDifference) = (0.0, 0.0);
        foreach (var batch in pairs.Chunk(16))
        {
            var encodings = batch.Select(p => Bert.Tokenizer.Encode(p.First, p.Second)).ToArray();
            var length = encodings.Max(e => e.Length);
            var padded = encodings.Select(e => e.Pad(length, 0)).ToArray();
            var (ours, oursPooled) = RunOurs(model, padded, length);
            var (reference, referencePooled) = RunOnnx(session, padded, length);
            hiddenDifference = Math.Max(hiddenDifference, MaxAbsoluteDifference(ours, reference));
            poolerDifference = Math.Max(poolerDifference, MaxAbsoluteDifference(oursPooled, referencePooled));
        }

        Assert.True(hiddenDifference <= Tolerance, $"last_hidden_state differs by {hiddenDifference}");
        Assert.True(poolerDifference <= Tolerance, $"pooler_output differs by {poolerDifference}");
    }

    private static (float[] Hidden, float[] Pooled) RunOurs(BertModel model, ExperimentKit.Tokenization.Encoding[] batch, int length)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long[] shape = [batch.Length, length];
        var output = model.forward(
            torch.tensor(Flatten(batch, e => e.InputIds), shape),
            torch.tensor(Flatten(batch, e => e.AttentionMask), shape),
            torch.tensor(Flatten(batch, e => e.TokenTypeIds), shape));
        return (output.LastHiddenState.data<float>().ToArray(), output.PoolerOutput!.data<float>().ToArray());
    }

    private static (float[] Hidden, float[] Pooled) RunOnnx(InferenceSession session, ExperimentKit.Tokenization.Encoding[] batch, int length)
    {
        int[] shape = [batch.Length, length];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(Flatten(batch, e => e.InputIds), shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Flatten(batch, e => e.AttentionMask), shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(Flatten(batch, e => e.TokenTypeIds), shape)),
        };
        using var results = session.Run(inputs);
        return (results[0].AsTensor<float>().ToArray(), results[1].AsTensor<float>().ToArray());
    }

    private static long[] Flatten(ExperimentKit.Tokenization.Encoding[] batch, Func<ExperimentKit.Tokenization.Encoding, int[]> field) =>
        batch.SelectMany(e => field(e).Select(v => (long)v)).ToArray();

    private static double MaxAbsoluteDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second));
    }
}
