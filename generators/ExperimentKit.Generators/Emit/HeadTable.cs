using System;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Generators.Emit;

/// <summary>
/// The one table that says what each (task, model_type) compiles to: the runtime head class the generated model
/// derives from, the output record its forward returns, and the runtime task that reads, collates and scores the
/// data. Adding a head to the generator is a row here; the emitter names no task.
/// </summary>
/// <param name="Description">How the generated doc comment names the head.</param>
internal sealed record Head(TaskKind Task, string ModelType, string HeadClass, string OutputType, string TaskClass, string Description)
{
    private static readonly Head[] Table =
    [
        new(TaskKind.SequenceClassification, BertSpec.Type, "BertForSequenceClassification", "SequenceClassifierOutput", "SequenceClassificationTask", "sequence-classification head"),
        new(TaskKind.SequenceClassification, DistilBertSpec.Type, "DistilBertForSequenceClassification", "SequenceClassifierOutput", "SequenceClassificationTask", "sequence-classification head"),
        new(TaskKind.TokenClassification, BertSpec.Type, "BertForTokenClassification", "TokenClassifierOutput", "TokenClassificationTask", "token-classification head"),
        new(TaskKind.TokenClassification, DistilBertSpec.Type, "DistilBertForTokenClassification", "TokenClassifierOutput", "TokenClassificationTask", "token-classification head"),
        new(TaskKind.QuestionAnswering, BertSpec.Type, "BertForQuestionAnswering", "QuestionAnsweringModelOutput", "QuestionAnsweringTask", "question-answering head"),
        new(TaskKind.QuestionAnswering, DistilBertSpec.Type, "DistilBertForQuestionAnswering", "QuestionAnsweringModelOutput", "QuestionAnsweringTask", "question-answering head"),
        new(TaskKind.MultipleChoice, BertSpec.Type, "BertForMultipleChoice", "MultipleChoiceModelOutput", "MultipleChoiceTask", "multiple-choice head"),
        new(TaskKind.MultipleChoice, DistilBertSpec.Type, "DistilBertForMultipleChoice", "MultipleChoiceModelOutput", "MultipleChoiceTask", "multiple-choice head"),
        new(TaskKind.MaskedLm, BertSpec.Type, "BertForMaskedLM", "MaskedLMOutput", "MaskedLanguageModelingTask", "masked-LM head"),
    ];

    public static Head Of(TaskSpec task, ModelSpec model) =>
        Table.FirstOrDefault(h => h.Task == task.Kind && h.ModelType == model.ModelType)
        ?? throw new NotSupportedException($"no head for task '{task.Kind}' on model_type '{model.ModelType}'; add a row to {nameof(Head)}'s table");
}
