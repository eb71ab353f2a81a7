namespace ExperimentKit.Models.Onnx;

/// <summary>
/// Recovers Hugging Face parameter names from a BERT ONNX export. Named initializers (embeddings, biases,
/// LayerNorms, a Gemm pooler) keep their BertModel names. The Linear weights are anonymous MatMul inputs
/// stored [in, out]; each one's MatMul output feeds an Add whose other input is `&lt;name&gt;.bias`, which names
/// the weight `&lt;name&gt;.weight`, transposed to HF's [out, in].
/// </summary>
public static class OnnxBertWeights
{
    public static IReadOnlyList<OnnxInitializer> ToHuggingFaceNames(OnnxGraph graph)
    {
        var initializers = graph.Initializers.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var consumers = graph.Nodes
            .SelectMany(node => node.Inputs.Select(input => (input, node)))
            .ToLookup(pair => pair.input, pair => pair.node, StringComparer.Ordinal);

        var named = graph.Initializers.Where(IsHuggingFaceName).ToList();
        var renamed = new List<OnnxInitializer>();
        foreach (var matMul in graph.Nodes.Where(n => n.OpType == "MatMul"))
        {
            var weight = matMul.Inputs.Select(input => initializers.GetValueOrDefault(input)).FirstOrDefault(i => i is not null && !IsHuggingFaceName(i));
            if (weight is null)
            {
                continue; // attention score products: both inputs are activations
            }

            var bias = consumers[matMul.Outputs[0]]
                .Where(node => node.OpType == "Add")
                .SelectMany(node => node.Inputs)
                .FirstOrDefault(input => input.EndsWith(".bias", StringComparison.Ordinal) && initializers.ContainsKey(input))
                ?? throw new InvalidDataException($"ONNX MatMul weight '{weight.Name}' is not followed by an Add of a named bias, so its Hugging Face name cannot be recovered.");
            renamed.Add(Transpose(weight, bias[..^".bias".Length] + ".weight"));
        }

        var all = named.Concat(renamed).ToList();
        var duplicate = all.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? all.OrderBy(i => i.Name, StringComparer.Ordinal).ToArray()
            : throw new InvalidDataException($"Two ONNX weights map to '{duplicate.Key}'.");
    }

    private static bool IsHuggingFaceName(OnnxInitializer initializer) =>
        initializer.Name.StartsWith("embeddings.", StringComparison.Ordinal)
        || initializer.Name.StartsWith("encoder.", StringComparison.Ordinal)
        || initializer.Name.StartsWith("pooler.", StringComparison.Ordinal);

    /// <summary>[in, out] → [out, in].</summary>
    private static OnnxInitializer Transpose(OnnxInitializer weight, string name)
    {
        if (weight.Shape.Length != 2)
        {
            throw new InvalidDataException($"ONNX MatMul weight '{weight.Name}' has {weight.Shape.Length} dimensions, expected 2.");
        }

        var rows = (int)weight.Shape[0];
        var columns = (int)weight.Shape[1];
        var transposed = new float[weight.Values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                transposed[(c * rows) + r] = weight.Values[(r * columns) + c];
            }
        }

        return new OnnxInitializer(name, [columns, rows], transposed);
    }
}
