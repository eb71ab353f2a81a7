namespace ExperimentKit.Pipelines;

/// <summary>The part of a model a task reads: the bare encoder or one of transformers' heads.</summary>
internal enum HeadKind
{
    /// <summary>BertModel / DistilBertModel: the last hidden state.</summary>
    Encoder,
    SequenceClassification,
    TokenClassification,
    QuestionAnswering,
    MaskedLM,
}
