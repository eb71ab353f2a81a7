using ExperimentKit.Models.Onnx;
using ExperimentKit.Models.Pretrained;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// ONNX Runtime on the all-MiniLM-L6-v2 ONNX file the NuGet package embeds (the file our import reads), with the same
/// intra-op thread count as LibTorch; rows are padded per batch exactly as the pipelines pad them.
/// </summary>
internal sealed class OnnxEncoder : IDisposable
{
    private readonly SessionOptions options;
    private readonly InferenceSession session;

    public OnnxEncoder(EmbeddedModel model, int threads)
    {
        var onnx = AssemblyResourceReader.Read(NuGetPackages.FileOf(model.PackageId, model.PackageVersion, model.AssemblyPath), model.OnnxResource);
        options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        session = new InferenceSession(onnx, options);
    }

    /// <summary>last_hidden_state [rows, length, hidden] and pooler_output [rows, hidden] of right-padded rows.</summary>
    public (float[] Hidden, float[] Pooled, int Length) Run(IReadOnlyList<(int[] Ids, int[] Types)> rows)
    {
        var length = rows.Max(r => r.Ids.Length);
        var ids = new long[rows.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var t = 0; t < rows[r].Ids.Length; t++)
            {
                ids[(r * length) + t] = rows[r].Ids[t];
                types[(r * length) + t] = rows[r].Types[t];
                mask[(r * length) + t] = 1;
            }
        }

        int[] shape = [rows.Count, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        ];
        using var results = session.Run(inputs);
        return (((DenseTensor<float>)results[0].Value).Buffer.ToArray(), ((DenseTensor<float>)results[1].Value).Buffer.ToArray(), length);
    }

    public void Dispose()
    {
        session.Dispose();
        options.Dispose();
    }
}
