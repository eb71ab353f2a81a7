using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' <c>pipeline(task, model)</c>: a tokenizer, a model with the head the task reads, and the task's
/// post-processing, over a run folder, a checkpoint folder or a hub id in the Hugging Face cache. Each task's class
/// has the typed calls; <see cref="Create"/> picks the class by task name (aliases included).
/// </summary>
/// <remarks>
/// Thread safety: one pipeline may be called from any number of threads at once. Tokenization and post-processing run
/// on the calling threads; the model runs one batch at a time under a lock. Dispose it once no call is running.
/// Results are deterministic: inference mode, eval mode (no dropout), and each input's result does not depend on
/// the other inputs of its call (padding is masked).
/// </remarks>
public abstract class Pipeline : IDisposable
{
    private protected Pipeline(PipelineTask task, string model, PipelineOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        Options = options ?? PipelineOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BatchSize, 1, nameof(options));
        Task = task;
        var folder = PretrainedResolver.Resolve(model, HubCache.FromEnvironment(), Options.Revision, Options.Log);
        Tokenizer = BertTokenizer.FromPretrainedFolder(folder.Path);
        // Inputs are truncated to the model's length (truncation=True), so the too-long warning never applies.
        Tokenizer.Warning = _ => { };
        Model = InferenceModel.Load(folder, task);
    }

    public PipelineTask Task { get; }

    /// <summary>The model folder the weights came from (a hub id resolves to its snapshot).</summary>
    public string ModelPath => Model.Folder.Path;

    /// <summary>The model's config.json: labels (id2label), problem_type, architecture.</summary>
    public PretrainedConfig Config => Model.Config;

    public BertTokenizer Tokenizer { get; }

    public PipelineOptions Options { get; }

    private protected InferenceModel Model { get; }

    /// <summary>The pipeline for a task name or alias (text-classification, sentiment-analysis, ner, …).</summary>
    /// <exception cref="NotSupportedException">A generation task; the message names the supported ones.</exception>
    /// <exception cref="ArgumentException">An unknown task name.</exception>
    /// <exception cref="FileNotFoundException">The model folder or hub id is not found (the message says where it looked).</exception>
    /// <exception cref="InvalidDataException">The model's head does not fit the task (the message names both), or a file is malformed.</exception>
    public static Pipeline Create(string task, string model, PipelineOptions? options = null) => PipelineTasks.Parse(task) switch
    {
        PipelineTask.TextClassification => new TextClassificationPipeline(model, options),
        PipelineTask.TokenClassification => new TokenClassificationPipeline(model, options),
        PipelineTask.QuestionAnswering => new QuestionAnsweringPipeline(model, options),
        PipelineTask.FillMask => new FillMaskPipeline(model, options),
        PipelineTask.FeatureExtraction => new FeatureExtractionPipeline(model, options),
        PipelineTask.ZeroShotClassification => new ZeroShotClassificationPipeline(model, options),
        var other => throw new ArgumentOutOfRangeException(nameof(task), other, null),
    };

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Model.Dispose();
        }
    }

    /// <summary>Encodes texts (or pairs) truncated to the model's length, in parallel, in input order.</summary>
    private protected Encoding[] Encode(IReadOnlyList<string> texts, IReadOnlyList<string?>? pairs = null, EncodeOptions? options = null)
    {
        var result = new Encoding[texts.Count];
        Parallel.For(0, texts.Count, i => result[i] = Tokenizer.Encode(texts[i], pairs?[i], options));
        return result;
    }

    /// <summary>The label of a class id as config.json names it, or transformers' default name.</summary>
    private protected string Label(int id) =>
        Config.Id2Label.TryGetValue(id, out var label) ? label : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"LABEL_{id}");
}
