using System.Reflection;
using System.Reflection.Emit;

namespace ExperimentKit.Tests.Torch;

/// <summary>The methods a compiled method calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
internal static class MethodCalls
{
    public const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every method and constructor declared in <paramref name="assembly"/>, compiler-made closures and lambdas included.</summary>
    public static IEnumerable<MethodBase> DeclaredIn(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            // TorchSharp has types over optional dependencies (TensorBoard's protobuf); the rest load.
            types = [.. partial.Types.OfType<Type>()];
        }

        return types.SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)));
    }

    /// <summary>The call targets in <paramref name="method"/>'s body, generic methods as their definitions; none without a body.</summary>
    public static IEnumerable<(MethodBase Target, bool IsNew)> Of(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (FileNotFoundException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = OpCodesByValue[il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at]];
            at += code.Size;
            if (code.OperandType == OperandType.InlineMethod && Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments) is { } target)
            {
                yield return (target is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericMethodDefinition() : target, code == OpCodes.Newobj);
            }

            at += OperandSize(code, il, at);
        }
    }

    private static MethodBase? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
