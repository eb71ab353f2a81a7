using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Pipelines;

/// <summary>
/// A model folder's weights in the module a task needs, in eval mode, run in length-sorted, dynamically padded batches
/// under inference mode. One batch runs at a time (a lock around the forward), so any number of threads may call
/// <see cref="Run"/>.
/// </summary>
internal sealed class InferenceModel : IDisposable
{
    private readonly Lock gate = new();
    private readonly nn.Module module;
    private readonly Func<ModelInputs, Tensor> forward;
    private readonly int padId;

    private InferenceModel(PretrainedFolder folder, PretrainedConfig config, nn.Module module, Func<ModelInputs, Tensor> forward)
    {
        Folder = folder;
        Config = config;
        this.module = module;
        this.forward = forward;
        padId = config switch
        {
            BertConfig bert => bert.PadTokenId,
            DistilBertConfig distil => distil.PadTokenId,
            _ => 0,
        };
    }

    public PretrainedFolder Folder { get; }

    public PretrainedConfig Config { get; }

    /// <summary>
    /// The folder's weights in the head <paramref name="task"/> needs. Weights of the folder's own head that the task
    /// does not read are ignored (a classifier's folder serves feature-extraction); weights the task needs and the
    /// folder lacks are an error naming both heads.
    /// </summary>
    public static InferenceModel Load(PretrainedFolder folder, PipelineTask task)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var config = PretrainedConfig.Load(folder.Config);
        var head = TaskHeads.For(task);
        var holds = config.Architectures.Length > 0 ? string.Join(", ", config.Architectures) : $"a {config.ModelType} model";
        var misfit = $"{folder.Path} holds {holds}, which does not fit task '{PipelineTasks.Name(task)}': it needs {TaskHeads.ClassName(head, config)}";
        // A head of the same shape (a 2-label token classifier's `classifier` and a 2-label sequence classifier's) would
        // load without a missing weight, so the head config.json names decides first; the weights decide when it names none.
        if (!TaskHeads.Fits(head, config))
        {
            throw new InvalidDataException($"{misfit}.");
        }

        var (module, forward) = TaskHeads.Build(head, config);
        try
        {
            var names = module.state_dict().Keys.ToHashSet(StringComparer.Ordinal);
            var prefix = TaskHeads.BaseModelPrefix(config) + ".";
            using var weights = folder.OpenWeights();
            var report = ModelCheckpoint.Load(module, weights, name => ModelSource<PretrainedConfig>.ToModelName(name, names, prefix));
            if (report.Missing.Count > 0)
            {
                throw new InvalidDataException(
                    $"{misfit}, and the checkpoint lacks {report.Missing.Count} of its weights ({string.Join(", ", report.Missing.Take(3))}{(report.Missing.Count > 3 ? ", …" : "")}).");
            }

            module.eval();
            return new InferenceModel(folder, config, module, forward);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The model's output for every row, in the rows' order: rows are sorted by length (stable), cut into batches of
    /// <paramref name="batchSize"/>, each padded to its longest row.
    /// </summary>
    /// <param name="reduce">Applied to each batch's output with its inputs inside the forward (sentence pooling); null keeps the output.</param>
    public RowOutput[] Run(IReadOnlyList<ModelRow> rows, int batchSize, Func<Tensor, ModelInputs, Tensor>? reduce = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var results = new RowOutput[rows.Count];
        var order = Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].Length).ToArray();
        foreach (var batch in order.Chunk(batchSize))
        {
            var batchRows = batch.Select(i => rows[i]).ToArray();
            var (values, shape) = Forward(batchRows, reduce);
            var width = (int)shape[^1];
            var stride = shape.Length == 3 ? (int)(shape[1] * width) : width;
            for (var b = 0; b < batch.Length; b++)
            {
                var length = shape.Length == 3 ? batchRows[b].Length : 1;
                results[batch[b]] = new RowOutput(values.AsSpan(b * stride, length * width).ToArray(), length, width);
            }
        }

        return results;
    }

    public void Dispose() => module.Dispose();

    private (float[] Values, long[] Shape) Forward(ModelRow[] rows, Func<Tensor, ModelInputs, Tensor>? reduce)
    {
        using var scope = NewDisposeScope();
        using var inference = torch.inference_mode();
        var inputs = ModelInputs.Pad(rows, padId);
        lock (gate)
        {
            var output = forward(inputs);
            if (reduce is not null)
            {
                output = reduce(output, inputs);
            }

            return (output.contiguous().data<float>().ToArray(), output.shape);
        }
    }
}
