using Microsoft.CodeAnalysis;

namespace ExperimentKit.Analyzers;

/// <summary>The diagnostics of <see cref="UnownedScalarAnalyzer"/>; ids are literals for the release tracking.</summary>
internal static class ScalarDescriptors
{
    private const string Category = "Reliability";

    private const string Why =
        "TorchSharp 0.107 frees a Scalar it made for a number in a finalizer and keeps nothing alive across the native call that reads it, "
        + "so a garbage collection at the wrong moment frees it while LibTorch reads it";

    public static readonly DiagnosticDescriptor UnownedScalar = new(
        "EK1001",
        "A number becomes a TorchSharp Scalar that nobody owns",
        "'{0}' becomes a Scalar nobody owns ({1}); pass a Scalar the caller owns and keeps alive (a cached field, or 'using var s = x.ToScalar()'), or a tensor",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Why + ".");

    public static readonly DiagnosticDescriptor ScalarMakingMember = new(
        "EK1002",
        "A TorchSharp member makes a Scalar inside",
        "'{0}' makes a Scalar inside TorchSharp that nobody owns ({1}); {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Why + ". These members make one internally, out of the caller's reach.");
}
