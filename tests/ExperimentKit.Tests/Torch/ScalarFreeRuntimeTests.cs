using System.Reflection;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Torch;

/// <summary>
/// The compiled runtime against TorchSharp's own IL: no call of ExperimentKit's reaches a TorchSharp member that makes a
/// Scalar nobody owns. The analyzer (EK1001, EK1002) sees our source and a list; this sees every member TorchSharp
/// 0.107 actually implements that way, so a member missing from the analyzer's list still fails here.
/// </summary>
public sealed class ScalarFreeRuntimeTests
{
    private static readonly Assembly TorchSharpAssembly = typeof(Scalar).Assembly;

    private static readonly Lazy<HashSet<MethodBase>> Makers = new(ScalarMakers);

    [Fact]
    public void No_runtime_call_reaches_a_TorchSharp_member_that_makes_a_Scalar_nobody_owns()
    {
        var offending = Offending(typeof(Trainer<,>).Assembly);

        Assert.True(offending.Length == 0, "Calls that let TorchSharp make a Scalar nobody owns:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_check_finds_what_it_looks_for()
    {
        var makers = Makers.Value;

        Assert.Contains(typeof(torch.Tensor).GetMethod("op_Addition", [typeof(torch.Tensor), typeof(torch.Tensor)])!, makers);
        Assert.Contains(typeof(TorchSharp.Modules.AdamW).GetMethod("step")!, makers);
        Assert.Contains(typeof(Scalar).GetMethod("op_Implicit", [typeof(double)])!, makers);
        Assert.DoesNotContain(typeof(torch.Tensor).GetMethod("add", [typeof(torch.Tensor), typeof(Scalar)])!, makers);
        Assert.DoesNotContain(typeof(torch.nn.utils).GetMethod("clip_grad_norm_")!, makers);
        // These tests drive TorchSharp's AdamW as the reference, through the virtual Optimizer.step.
        Assert.Contains(Offending(typeof(ScalarFreeRuntimeTests).Assembly), line => line.StartsWith("ExperimentKit.Tests.Training.AdamWTests.", StringComparison.Ordinal) && line.Contains("step(", StringComparison.Ordinal));
    }

    /// <summary>Each call in <paramref name="assembly"/> that reaches a Scalar-making TorchSharp member, as text.</summary>
    private static string[] Offending(Assembly assembly)
    {
        var makers = Makers.Value;
        var calls = MethodCalls.DeclaredIn(assembly)
            .SelectMany(caller => MethodCalls.Of(caller).Select(call => (Caller: caller, call.Target, call.IsNew)))
            .Where(call => call.Target.Module.Assembly == TorchSharpAssembly && !IsOwnedConstruction(call.Target))
            .ToArray();
        var made = TorchSharpTypesMade(calls.Select(c => (c.Target, c.IsNew)));

        return calls
            .Where(call => makers.Contains(call.Target) || Implementations(call.Target, made).Any(makers.Contains))
            .Select(call => $"{call.Caller.DeclaringType}.{call.Caller.Name} calls {call.Target.DeclaringType}.{call.Target}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>TorchSharp's methods with a path, through calls it makes itself, to <c>new Scalar</c>.</summary>
    private static HashSet<MethodBase> ScalarMakers()
    {
        var calls = MethodCalls.DeclaredIn(TorchSharpAssembly).ToDictionary(m => m, m => MethodCalls.Of(m).ToArray());
        var makers = calls.Where(m => m.Value.Any(c => c.IsNew && c.Target.DeclaringType == typeof(Scalar))).Select(m => m.Key).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (method, targets) in calls)
            {
                if (!makers.Contains(method) && targets.Any(t => makers.Contains(t.Target)))
                {
                    grew = makers.Add(method);
                }
            }
        }

        return makers;
    }

    /// <summary>x.ToScalar() hands the new Scalar to the caller, who owns it: the one deliberate way to make one.</summary>
    private static bool IsOwnedConstruction(MethodBase target) =>
        target.DeclaringType == typeof(ScalarExtensionMethods) && target.Name == nameof(ScalarExtensionMethods.ToScalar);

    /// <summary>
    /// The TorchSharp classes the runtime can hold an instance of: those it constructs, and those TorchSharp's factories
    /// it calls return (nn.Linear gives a Linear), with their base classes. A virtual call can only reach these.
    /// </summary>
    private static HashSet<Type> TorchSharpTypesMade(IEnumerable<(MethodBase Target, bool IsNew)> calls)
    {
        var made = new HashSet<Type>();
        foreach (var (target, isNew) in calls)
        {
            for (var type = isNew ? target.DeclaringType : (target as MethodInfo)?.ReturnType; type?.Assembly == TorchSharpAssembly; type = type.BaseType)
            {
                made.Add(type.IsGenericType ? type.GetGenericTypeDefinition() : type);
            }
        }

        return made;
    }

    /// <summary>What a virtual call of <paramref name="target"/> runs on each made class that has it.</summary>
    private static IEnumerable<MethodInfo> Implementations(MethodBase target, HashSet<Type> made)
    {
        if (target is not MethodInfo { IsVirtual: true } method)
        {
            return [];
        }

        var key = BaseKey(method);
        return made
            .Where(type => !type.IsGenericTypeDefinition)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .Where(candidate => candidate.Name == method.Name && BaseKey(candidate) == key);
    }

    /// <summary>The method a virtual call dispatches from, the same for every override and generic instantiation.</summary>
    private static (Module, int) BaseKey(MethodInfo method)
    {
        var root = method.GetBaseDefinition();
        return (root.Module, root.MetadataToken);
    }
}
