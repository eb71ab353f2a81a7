namespace ExperimentKit.Pipelines;

/// <summary>text-classification's <c>function_to_apply</c>.</summary>
public enum ClassificationFunction
{
    /// <summary>As the config says: none for regression, sigmoid for multi-label or one label, softmax otherwise.</summary>
    Default,
    Softmax,
    Sigmoid,
    None,
}
