namespace ExperimentKit.Models.Onnx;

/// <summary>An ONNX initializer: a named constant tensor (float32 only: BERT exports hold nothing else that we need).</summary>
public sealed record OnnxInitializer(string Name, long[] Shape, float[] Values);

/// <summary>An ONNX node: its operator and the names of the values it reads and writes.</summary>
public sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

/// <summary>The parts of an ONNX graph a weight import needs: nodes and float initializers.</summary>
public sealed record OnnxGraph(IReadOnlyList<OnnxNode> Nodes, IReadOnlyList<OnnxInitializer> Initializers);
