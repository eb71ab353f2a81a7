using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Validation;

/// <summary>The options of the question-answering and masked-LM heads.</summary>
internal sealed partial class SpecValidator
{
    private void ValidateHeadOptions()
    {
        switch (spec.Task)
        {
            case QuestionAnsweringTaskSpec qa:
                Check(
                    qa.DocStride >= 0 && qa.DocStride < spec.Tokenizer.MaxLength / 2,
                    SchemaRules.OutOfRange,
                    "task.doc_stride",
                    $"'doc_stride' must be at least 0 and under half of tokenizer.max_length ({Text(spec.Tokenizer.MaxLength)}), so each window moves on past the question; got {Text(qa.DocStride)}");
                Positive("task.n_best_size", qa.NBestSize);
                Positive("task.max_answer_length", qa.MaxAnswerLength);
                break;
            case MaskedLmTaskSpec mlm:
                Check(
                    mlm.MlmProbability > 0 && mlm.MlmProbability < 1,
                    SchemaRules.OutOfRange,
                    "task.mlm_probability",
                    $"'mlm_probability' is the share of tokens masked and must be between 0 and 1 (exclusive), got {Text(mlm.MlmProbability)}");
                OptionalPositive("task.block_size", mlm.BlockSize);
                Check(
                    mlm.BlockSize is not { } block || block <= spec.Model.MaxPositionEmbeddings,
                    SchemaRules.OutOfRange,
                    "task.block_size",
                    $"'block_size' ({Text(mlm.BlockSize ?? 0)}) is longer than the model's max_position_embeddings ({Text(spec.Model.MaxPositionEmbeddings)})");
                break;
        }
    }
}
