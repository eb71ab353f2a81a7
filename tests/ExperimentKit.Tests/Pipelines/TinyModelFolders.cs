using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Tests.Tokenization;
using TorchSharp;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>
/// Tiny randomly initialised BERTs with the bert-base-uncased vocabulary, saved as Hugging Face folders, one per head:
/// what a run folder holds, built in milliseconds. The weights are seeded, so every output is the same each run.
/// </summary>
public sealed class TinyModelFolders : IDisposable
{
    public static readonly string[] NerLabels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"];

    private readonly TemporaryFolder root = new();

    public TinyModelFolders()
    {
        Sentiment = Write("sentiment", config => new BertForSequenceClassification(config.WithLabelNames(["NEGATIVE", "POSITIVE"]), 2));
        Nli = Write("nli", config => new BertForSequenceClassification(config.WithLabelNames(["contradiction", "entailment", "neutral"]), 3));
        Ner = Write("ner", config => new BertForTokenClassification(config.WithLabelNames(NerLabels), NerLabels.Length));
        QuestionAnswering = Write("qa", config => new BertForQuestionAnswering(config));
        MaskedLm = Write("mlm", config => new BertForMaskedLM(config));
    }

    public string Sentiment { get; }

    public string Nli { get; }

    public string Ner { get; }

    public string QuestionAnswering { get; }

    public string MaskedLm { get; }

    public static BertConfig Config => new()
    {
        HiddenSize = 32,
        NumHiddenLayers = 2,
        NumAttentionHeads = 4,
        IntermediateSize = 64,
        MaxPositionEmbeddings = 128,
    };

    public void Dispose() => root.Dispose();

    private string Write<TModel>(string name, Func<BertConfig, TModel> create)
        where TModel : torch.nn.Module, IPretrainedModel<BertConfig>
    {
        var folder = root.File(name);
        Directory.CreateDirectory(folder);
        torch.manual_seed(13);
        using var model = create(Config);
        new ModelFolder(model.Config, Bert.Tokenizer, MaxLength: 128).Write(folder, model);
        return folder;
    }
}
