using ExperimentKit.Models;
using static TorchSharp.torch;

namespace ExperimentKit.Pipelines;

/// <summary>
/// The module a task needs for a config's model_type, and how to call it: every head answers a padded batch with
/// its logits (the encoder with its last hidden state), as transformers' AutoModelFor… classes would.
/// </summary>
internal static class TaskHeads
{
    public static HeadKind For(PipelineTask task) => task switch
    {
        PipelineTask.TextClassification or PipelineTask.ZeroShotClassification => HeadKind.SequenceClassification,
        PipelineTask.TokenClassification => HeadKind.TokenClassification,
        PipelineTask.QuestionAnswering => HeadKind.QuestionAnswering,
        PipelineTask.FillMask => HeadKind.MaskedLM,
        PipelineTask.FeatureExtraction => HeadKind.Encoder,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    /// <summary>transformers' class name for the head on this model_type ("BertForSequenceClassification").</summary>
    public static string ClassName(HeadKind head, PretrainedConfig config) =>
        (config is DistilBertConfig ? "DistilBert" : "Bert") + head switch
        {
            HeadKind.Encoder => "Model",
            HeadKind.SequenceClassification => "ForSequenceClassification",
            HeadKind.TokenClassification => "ForTokenClassification",
            HeadKind.QuestionAnswering => "ForQuestionAnswering",
            HeadKind.MaskedLM => "ForMaskedLM",
            _ => throw new ArgumentOutOfRangeException(nameof(head), head, null),
        };

    /// <summary>
    /// Whether the architectures config.json names include the head: any model serves the encoder, BertForPreTraining
    /// also holds the masked-LM head, and a config that names no architecture leaves it to the weights.
    /// </summary>
    public static bool Fits(HeadKind head, PretrainedConfig config)
    {
        var needed = ClassName(head, config);
        return head == HeadKind.Encoder
            || config.Architectures.Length == 0
            || config.Architectures.Contains(needed, StringComparer.Ordinal)
            || (head == HeadKind.MaskedLM && config.Architectures.Contains("BertForPreTraining", StringComparer.Ordinal));
    }

    /// <exception cref="NotSupportedException">DistilBERT's masked-LM head, which is not implemented here.</exception>
    public static (nn.Module Module, Func<ModelInputs, Tensor> Forward) Build(HeadKind head, PretrainedConfig config) => (head, config) switch
    {
        (HeadKind.Encoder, BertConfig bert) => Bind(new BertModel(bert, addPoolingLayer: false), (m, x) => m.forward(x.InputIds, x.AttentionMask, x.TokenTypeIds).LastHiddenState),
        (HeadKind.Encoder, DistilBertConfig distil) => Bind(new DistilBertModel(distil), (m, x) => m.forward(x.InputIds, x.AttentionMask)),
        (HeadKind.SequenceClassification, BertConfig bert) => Bind(new BertForSequenceClassification(bert, NumLabels(bert)), (m, x) => m.forward(x.InputIds, x.AttentionMask, x.TokenTypeIds, null).Logits),
        (HeadKind.SequenceClassification, DistilBertConfig distil) => Bind(new DistilBertForSequenceClassification(distil, NumLabels(distil)), (m, x) => m.forward(x.InputIds, x.AttentionMask, null).Logits),
        (HeadKind.TokenClassification, BertConfig bert) => Bind(new BertForTokenClassification(bert, NumLabels(bert)), (m, x) => m.forward(x.InputIds, x.AttentionMask, x.TokenTypeIds, null).Logits),
        (HeadKind.TokenClassification, DistilBertConfig distil) => Bind(new DistilBertForTokenClassification(distil, NumLabels(distil)), (m, x) => m.forward(x.InputIds, x.AttentionMask, null).Logits),
        (HeadKind.QuestionAnswering, BertConfig bert) => Bind(new BertForQuestionAnswering(bert), (m, x) => m.forward(x.InputIds, x.AttentionMask, x.TokenTypeIds, null).Logits),
        (HeadKind.QuestionAnswering, DistilBertConfig distil) => Bind(new DistilBertForQuestionAnswering(distil), (m, x) => m.forward(x.InputIds, x.AttentionMask, null).Logits),
        (HeadKind.MaskedLM, BertConfig bert) => Bind(new BertForMaskedLM(bert), (m, x) => m.forward(x.InputIds, x.AttentionMask, x.TokenTypeIds, null).Logits),
        _ => throw new NotSupportedException($"{ClassName(head, config)} is not implemented here; model_type '{config.ModelType}' has no such head."),
    };

    /// <summary>The prefix a model with a head keeps its encoder under (transformers' base_model_prefix).</summary>
    public static string BaseModelPrefix(PretrainedConfig config) => config is DistilBertConfig ? DistilBertModel.BaseModelPrefix : BertModel.BaseModelPrefix;

    private static (nn.Module, Func<ModelInputs, Tensor>) Bind<TModule>(TModule module, Func<TModule, ModelInputs, Tensor> forward)
        where TModule : nn.Module => (module, inputs => forward(module, inputs));

    private static int NumLabels(PretrainedConfig config) => config.Id2Label.Count > 0
        ? config.Id2Label.Count
        : throw new InvalidDataException("config.json names no labels (id2label), so the classification head's size is unknown.");
}
