namespace ExperimentKit.Generators.Tests;

/// <summary>
/// The runtime types the generated code refers to, as the brief fixes them (names, namespaces, signatures) and with
/// no behaviour. Compiling generated code against this proves it fits the contract while the runtime is written elsewhere.
/// </summary>
internal static class RuntimeContract
{
    public const string Source = """
        namespace TorchSharp
        {
            public static partial class torch
            {
                public sealed class Tensor : System.IDisposable
                {
                    public long[] shape => new long[] { 0 };
                    public void Dispose() { }
                }
            }
        }

        namespace ExperimentKit.Data
        {
            using static TorchSharp.torch;

            public sealed record CollatedBatch(Tensor InputIds, Tensor AttentionMask, Tensor? TokenTypeIds, Tensor Labels);

            public interface ILabeledBatch : System.IDisposable
            {
                Tensor Labels { get; }
                int Size { get; }
            }
        }

        namespace ExperimentKit.Models
        {
            using static TorchSharp.torch;

            public abstract class PretrainedConfig { }

            public sealed class BertConfig : PretrainedConfig { }

            public sealed class DistilBertConfig : PretrainedConfig { }

            public abstract record ModelOutput;

            public sealed record SequenceClassifierOutput : ModelOutput;

            public sealed record TokenClassifierOutput : ModelOutput;

            public sealed record QuestionAnsweringModelOutput : ModelOutput;

            public sealed record MultipleChoiceModelOutput : ModelOutput;

            public sealed record MaskedLMOutput : ModelOutput;

            public interface IPretrainedModel<TConfig>
                where TConfig : PretrainedConfig
            {
                static abstract string BaseModelPrefix { get; }
                TConfig Config { get; }
            }

            public class BertForSequenceClassification : IPretrainedModel<BertConfig>
            {
                public BertForSequenceClassification(BertConfig config, int numLabels) => Config = config;
                public static string BaseModelPrefix => "bert";
                public BertConfig Config { get; }
                public SequenceClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels) => new();
            }

            public class BertForTokenClassification : IPretrainedModel<BertConfig>
            {
                public BertForTokenClassification(BertConfig config, int numLabels) => Config = config;
                public static string BaseModelPrefix => "bert";
                public BertConfig Config { get; }
                public TokenClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels) => new();
            }

            public class DistilBertForSequenceClassification : IPretrainedModel<DistilBertConfig>
            {
                public DistilBertForSequenceClassification(DistilBertConfig config, int numLabels) => Config = config;
                public static string BaseModelPrefix => "distilbert";
                public DistilBertConfig Config { get; }
                public SequenceClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels) => new();
            }

            public class DistilBertForTokenClassification : IPretrainedModel<DistilBertConfig>
            {
                public DistilBertForTokenClassification(DistilBertConfig config, int numLabels) => Config = config;
                public static string BaseModelPrefix => "distilbert";
                public DistilBertConfig Config { get; }
                public TokenClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels) => new();
            }

            public class BertForQuestionAnswering : IPretrainedModel<BertConfig>
            {
                public BertForQuestionAnswering(BertConfig config) => Config = config;
                public static string BaseModelPrefix => "bert";
                public BertConfig Config { get; }
                public QuestionAnsweringModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels) => new();
            }

            public class DistilBertForQuestionAnswering : IPretrainedModel<DistilBertConfig>
            {
                public DistilBertForQuestionAnswering(DistilBertConfig config) => Config = config;
                public static string BaseModelPrefix => "distilbert";
                public DistilBertConfig Config { get; }
                public QuestionAnsweringModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels) => new();
            }

            public class BertForMultipleChoice : IPretrainedModel<BertConfig>
            {
                public BertForMultipleChoice(BertConfig config) => Config = config;
                public static string BaseModelPrefix => "bert";
                public BertConfig Config { get; }
                public MultipleChoiceModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels) => new();
            }

            public class DistilBertForMultipleChoice : IPretrainedModel<DistilBertConfig>
            {
                public DistilBertForMultipleChoice(DistilBertConfig config) => Config = config;
                public static string BaseModelPrefix => "distilbert";
                public DistilBertConfig Config { get; }
                public MultipleChoiceModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels) => new();
            }

            public class BertForMaskedLM : IPretrainedModel<BertConfig>
            {
                public BertForMaskedLM(BertConfig config) => Config = config;
                public static string BaseModelPrefix => "bert";
                public BertConfig Config { get; }
                public MaskedLMOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels) => new();
            }
        }

        namespace ExperimentKit.Tasks
        {
            using ExperimentKit.Schema.Model;

            public interface IExperimentTask { }

            public sealed class SequenceClassificationTask : IExperimentTask
            {
                public SequenceClassificationTask(ExperimentSpec spec) { }
            }

            public sealed class TokenClassificationTask : IExperimentTask
            {
                public TokenClassificationTask(ExperimentSpec spec) { }
            }

            public sealed class QuestionAnsweringTask : IExperimentTask
            {
                public QuestionAnsweringTask(ExperimentSpec spec) { }
            }

            public sealed class MultipleChoiceTask : IExperimentTask
            {
                public MultipleChoiceTask(ExperimentSpec spec) { }
            }

            public sealed class MaskedLanguageModelingTask : IExperimentTask
            {
                public MaskedLanguageModelingTask(ExperimentSpec spec) { }
            }
        }

        namespace ExperimentKit.Experiments
        {
            using ExperimentKit.Schema.Model;

            public interface IExperiment { }

            public abstract class Experiment<TConfig, TBatch, TModel> : IExperiment
                where TConfig : ExperimentKit.Models.PretrainedConfig
                where TBatch : ExperimentKit.Data.ILabeledBatch
                where TModel : ExperimentKit.Models.IPretrainedModel<TConfig>
            {
                protected abstract TModel CreateModel(TConfig config);
                protected abstract TBatch CreateBatch(ExperimentKit.Data.CollatedBatch collated);
                protected abstract ExperimentKit.Models.ModelOutput Forward(TModel model, TBatch batch);
                protected abstract ExperimentKit.Tasks.IExperimentTask CreateTask(ExperimentSpec spec);
            }

            public sealed record ExperimentRegistration(string Name, string SourceFile, ExperimentSpec Compiled, System.Func<IExperiment> Create);

            public static class ExperimentRegistry
            {
                public static void Register(ExperimentRegistration registration) { }
            }
        }
        """;
}
