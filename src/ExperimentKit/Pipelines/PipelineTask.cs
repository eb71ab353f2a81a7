namespace ExperimentKit.Pipelines;

/// <summary>The tasks a <see cref="Pipeline"/> runs, as transformers' <c>pipeline()</c> names them (<see cref="PipelineTasks"/>).</summary>
public enum PipelineTask
{
    TextClassification,
    TokenClassification,
    QuestionAnswering,
    FillMask,
    FeatureExtraction,
    ZeroShotClassification,
}
