namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' text-classification (alias sentiment-analysis) over a ForSequenceClassification model: texts or
/// text pairs → logits → softmax, sigmoid or nothing (<c>function_to_apply</c>) → labels from id2label.
/// </summary>
public sealed class TextClassificationPipeline : Pipeline
{
    public TextClassificationPipeline(string model, PipelineOptions? options = null)
        : base(PipelineTask.TextClassification, model, options)
    {
    }

    /// <summary>The best <paramref name="topK"/> labels of each input, best first (all labels when null), in input order.</summary>
    /// <remarks>transformers without top_k gives the first of these as one dict per input, as the command line prints it.</remarks>
    public IReadOnlyList<IReadOnlyList<LabelScore>> Predict(
        IReadOnlyList<TextInput> inputs, int? topK = 1, ClassificationFunction function = ClassificationFunction.Default)
    {
        if (topK is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(topK), topK, "top_k must be at least 1, or null for every label.");
        }

        var apply = function == ClassificationFunction.Default ? DefaultFunction() : function;
        return [.. Logits(inputs).Select(logits => Ranked(Scores(logits, apply), topK))];
    }

    public IReadOnlyList<IReadOnlyList<LabelScore>> Predict(IReadOnlyList<string> texts, int? topK = 1, ClassificationFunction function = ClassificationFunction.Default) =>
        Predict([.. texts.Select(text => new TextInput(text))], topK, function);

    /// <summary>The head's logits, [inputs][num_labels], in input order.</summary>
    public float[][] Logits(IReadOnlyList<TextInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var encodings = Encode([.. inputs.Select(i => i.Text)], [.. inputs.Select(i => i.TextPair)]);
        return [.. Model.Run([.. encodings.Select(ModelRow.Of)], Options.BatchSize).Select(output => output.Values)];
    }

    /// <summary>transformers' choice when function_to_apply is not given.</summary>
    private ClassificationFunction DefaultFunction() => Config.ProblemType switch
    {
        "regression" => ClassificationFunction.None,
        "multi_label_classification" => ClassificationFunction.Sigmoid,
        _ when Config.Id2Label.Count == 1 => ClassificationFunction.Sigmoid,
        _ => ClassificationFunction.Softmax,
    };

    private static float[] Scores(float[] logits, ClassificationFunction function) => function switch
    {
        ClassificationFunction.Softmax => Probabilities.Softmax(logits),
        ClassificationFunction.Sigmoid => Probabilities.Sigmoid(logits),
        _ => logits,
    };

    /// <summary>Labels by score, best first; equal scores keep label order (Python's stable sort).</summary>
    private LabelScore[] Ranked(float[] scores, int? topK) =>
        [.. scores.Select((score, id) => new LabelScore(Label(id), score)).OrderByDescending(s => s.Score).Take(topK ?? scores.Length)];
}
