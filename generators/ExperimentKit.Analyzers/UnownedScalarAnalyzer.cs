using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExperimentKit.Analyzers;

/// <summary>
/// Fails the build where runtime code lets TorchSharp make a Scalar nobody owns: a number converted to
/// <c>TorchSharp.Scalar</c> by its user-defined conversion (implicitly, as an argument, or by a cast), which leaves the
/// Scalar to a finalizer (EK1001); and a call of a TorchSharp member that makes such a Scalar inside (EK1002, see
/// <see cref="ScalarMakingMembers"/>). <c>x.ToScalar()</c> is the one way to make a Scalar: the caller owns it and disposes
/// it after the call, which also keeps it alive until then. Deliberate exceptions are [SuppressMessage] entries with a
/// justification, all in one file of the project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnownedScalarAnalyzer : DiagnosticAnalyzer
{
    private const string ScalarTypeName = "TorchSharp.Scalar";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(ScalarDescriptors.UnownedScalar, ScalarDescriptors.ScalarMakingMember);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var scalar = start.Compilation.GetTypeByMetadataName(ScalarTypeName);
            if (scalar is null)
            {
                return;
            }

            start.RegisterOperationAction(c => CheckConversion(c, scalar), OperationKind.Conversion);
            start.RegisterOperationAction(c => CheckMember(c, ((IInvocationOperation)c.Operation).TargetMethod), OperationKind.Invocation);
            start.RegisterOperationAction(c => CheckMember(c, ((IBinaryOperation)c.Operation).OperatorMethod), OperationKind.Binary);
            start.RegisterOperationAction(c => CheckMember(c, ((ICompoundAssignmentOperation)c.Operation).OperatorMethod), OperationKind.CompoundAssignment);
            start.RegisterOperationAction(c => CheckMember(c, ((IConversionOperation)c.Operation).OperatorMethod), OperationKind.Conversion);
        });
    }

    private static void CheckConversion(OperationAnalysisContext context, INamedTypeSymbol scalar)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.OperatorMethod is not { } method
            || !SymbolEqualityComparer.Default.Equals(method.ReturnType, scalar)
            || SymbolEqualityComparer.Default.Equals(conversion.Operand.Type, scalar))
        {
            return;
        }

        var how = conversion.IsImplicit
            ? conversion.Parent is IArgumentOperation { Parameter: { } parameter } ? $"implicitly, as argument '{parameter.Name}'" : "implicitly"
            : "by a cast";
        context.ReportDiagnostic(Diagnostic.Create(ScalarDescriptors.UnownedScalar, conversion.Syntax.GetLocation(), conversion.Operand.Syntax.ToString(), how));
    }

    private static void CheckMember(OperationAnalysisContext context, IMethodSymbol? method)
    {
        if (method is null)
        {
            return;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.GetDocumentationCommentId() is not { } id || ScalarMakingMembers.InsteadOf(id) is not { } instead)
        {
            return;
        }

        var member = definition.MethodKind is MethodKind.UserDefinedOperator or MethodKind.Conversion
            ? context.Operation.Syntax.ToString()
            : definition.ContainingType.Name + "." + definition.Name;
        context.ReportDiagnostic(Diagnostic.Create(ScalarDescriptors.ScalarMakingMember, context.Operation.Syntax.GetLocation(), member, id, instead));
    }
}
