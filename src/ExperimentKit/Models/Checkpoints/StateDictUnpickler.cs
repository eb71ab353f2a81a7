using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// Decodes the <c>data.pkl</c> of a <c>torch.save</c> state dict: the pickle opcodes that format uses (protocols 2 to 4),
/// with only the torch globals a state dict names allowed, so, like <c>torch.load(weights_only=True)</c>, a file can
/// never run code. Tensors come back as <see cref="PickledTensor"/> views; their bytes stay in the archive.
/// </summary>
internal sealed class StateDictUnpickler
{
    private static readonly Dictionary<string, ScalarType> Storages = new(StringComparer.Ordinal)
    {
        ["DoubleStorage"] = ScalarType.Float64,
        ["FloatStorage"] = ScalarType.Float32,
        ["HalfStorage"] = ScalarType.Float16,
        ["BFloat16Storage"] = ScalarType.BFloat16,
        ["LongStorage"] = ScalarType.Int64,
        ["IntStorage"] = ScalarType.Int32,
        ["ShortStorage"] = ScalarType.Int16,
        ["CharStorage"] = ScalarType.Int8,
        ["ByteStorage"] = ScalarType.Byte,
        ["BoolStorage"] = ScalarType.Bool,
    };

    private static readonly PickleGlobal OrderedDict = new("collections", "OrderedDict");
    private static readonly PickleGlobal RebuildTensorV2 = new("torch._utils", "_rebuild_tensor_v2");
    private static readonly PickleGlobal RebuildTensor = new("torch._utils", "_rebuild_tensor");
    private static readonly PickleGlobal RebuildParameter = new("torch._utils", "_rebuild_parameter");

    private readonly byte[] data;
    private readonly string source;
    private readonly List<object?> stack = [];
    private readonly Stack<int> marks = new();
    private readonly Dictionary<long, object?> memo = [];
    private int position;

    private StateDictUnpickler(byte[] data, string source)
    {
        this.data = data;
        this.source = source;
    }

    /// <summary>The state dict's tensors by name, in file order.</summary>
    /// <param name="source">Names the file in error messages.</param>
    public static IReadOnlyList<KeyValuePair<string, PickledTensor>> Read(byte[] pickle, string source)
    {
        var root = new StateDictUnpickler(pickle, source).Run();
        if (root is not OrderedDictionary<object, object?> dict)
        {
            throw new InvalidDataException($"{source}: the pickle holds a {Describe(root)}, not a state dict.");
        }

        return [.. dict.Select(kv => kv is { Key: string name, Value: PickledTensor tensor }
            ? KeyValuePair.Create(name, tensor)
            : throw new InvalidDataException($"{source}: state dict entry '{kv.Key}' is a {Describe(kv.Value)}, not a tensor."))];
    }

    private static string Describe(object? value) => value?.GetType().Name ?? "None";

    private object? Run()
    {
        while (true)
        {
            var opcode = Byte();
            switch (opcode)
            {
                case 0x80: // PROTO
                    Byte();
                    break;
                case 0x95: // FRAME: a length hint only
                    Bytes(8);
                    break;
                case (byte)'.': // STOP
                    return Pop();
                case (byte)'(': // MARK
                    marks.Push(stack.Count);
                    break;
                case (byte)'N':
                    stack.Add(null);
                    break;
                case 0x88: // NEWTRUE
                    stack.Add(true);
                    break;
                case 0x89: // NEWFALSE
                    stack.Add(false);
                    break;
                case (byte)'K': // BININT1
                    stack.Add((long)Byte());
                    break;
                case (byte)'M': // BININT2
                    stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2)));
                    break;
                case (byte)'J': // BININT
                    stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Bytes(4)));
                    break;
                case 0x8a: // LONG1: little-endian two's complement of n bytes
                    stack.Add(Long(Bytes(Byte())));
                    break;
                case (byte)'G': // BINFLOAT
                    stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Bytes(8)));
                    break;
                case (byte)'X': // BINUNICODE
                    stack.Add(Encoding.UTF8.GetString(Bytes(checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4))))));
                    break;
                case 0x8c: // SHORT_BINUNICODE
                    stack.Add(Encoding.UTF8.GetString(Bytes(Byte())));
                    break;
                case (byte)')': // EMPTY_TUPLE
                    stack.Add(Array.Empty<object?>());
                    break;
                case 0x85: // TUPLE1
                case 0x86: // TUPLE2
                case 0x87: // TUPLE3
                    stack.Add(PopMany(stack.Count - (opcode - 0x84)));
                    break;
                case (byte)'t': // TUPLE
                    stack.Add(PopMany(PopMark()));
                    break;
                case (byte)']': // EMPTY_LIST
                    stack.Add(new List<object?>());
                    break;
                case (byte)'a': // APPEND
                    Peek<List<object?>>().Add(Pop());
                    break;
                case (byte)'e': // APPENDS
                    var items = PopMany(PopMark());
                    Peek<List<object?>>().AddRange(items);
                    break;
                case (byte)'}': // EMPTY_DICT
                    stack.Add(new OrderedDictionary<object, object?>());
                    break;
                case (byte)'s': // SETITEM
                    var value = Pop();
                    var key = Pop();
                    SetItems([key, value]);
                    break;
                case (byte)'u': // SETITEMS
                    SetItems(PopMany(PopMark()));
                    break;
                case (byte)'q': // BINPUT
                    memo[Byte()] = Top();
                    break;
                case (byte)'r': // LONG_BINPUT
                    memo[BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4))] = Top();
                    break;
                case 0x94: // MEMOIZE
                    memo[memo.Count] = Top();
                    break;
                case (byte)'h': // BINGET
                    stack.Add(Memo(Byte()));
                    break;
                case (byte)'j': // LONG_BINGET
                    stack.Add(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4))));
                    break;
                case (byte)'c': // GLOBAL "module\nname\n"
                    stack.Add(Global(Line(), Line()));
                    break;
                case 0x93: // STACK_GLOBAL
                    var name = Pop<string>();
                    stack.Add(Global(Pop<string>(), name));
                    break;
                case (byte)'Q': // BINPERSID
                    stack.Add(Storage(Pop<object?[]>()));
                    break;
                case (byte)'R': // REDUCE
                    var args = Pop<object?[]>();
                    stack.Add(Call(Pop<PickleGlobal>(), args));
                    break;
                case (byte)'b': // BUILD: the state dict's `_metadata` attribute (module versions), not needed for weights
                    Pop();
                    Peek<OrderedDictionary<object, object?>>();
                    break;
                default:
                    throw Invalid($"pickle opcode 0x{opcode:x2} at byte {position - 1} is not one a state dict uses");
            }
        }
    }

    private PickleGlobal Global(string module, string name)
    {
        var global = new PickleGlobal(module, name);
        var allowed = global == OrderedDict || global == RebuildTensorV2 || global == RebuildTensor || global == RebuildParameter ||
            (module == "torch" && Storages.ContainsKey(name));
        return allowed ? global : throw Invalid($"'{global}' is not a state-dict global; only tensors and their storages are read");
    }

    /// <summary>torch.save's persistent id: ('storage', torch.FloatStorage, key, location, numel).</summary>
    private PickledStorage Storage(object?[] id) => id switch
    {
        ["storage", PickleGlobal { Module: "torch" } type, string key, _, long count] when Storages.TryGetValue(type.Name, out var dtype) && count >= 0 =>
            new PickledStorage(key, dtype, count),
        _ => throw Invalid("a persistent id is not a torch storage reference"),
    };

    private object Call(PickleGlobal function, object?[] args)
    {
        if (function == OrderedDict && args.Length == 0)
        {
            return new OrderedDictionary<object, object?>();
        }

        if ((function == RebuildTensorV2 || function == RebuildTensor) &&
            args is [PickledStorage storage, long offset, object?[] shape, object?[] stride, ..])
        {
            return new PickledTensor(storage, offset, Longs(shape), Longs(stride));
        }

        if (function == RebuildParameter && args is [PickledTensor data, ..])
        {
            return data;
        }

        throw Invalid($"{function} was called with arguments it does not take");
    }

    private ImmutableArray<long> Longs(object?[] values) =>
        [.. values.Select(v => v is long l ? l : throw Invalid("a tensor size or stride is not an integer"))];

    private void SetItems(object?[] pairs)
    {
        var dict = Peek<OrderedDictionary<object, object?>>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            dict[pairs[i] ?? throw Invalid("a dictionary key is None")] = pairs[i + 1];
        }
    }

    private object? Memo(long index) => memo.TryGetValue(index, out var value) ? value : throw Invalid($"memo entry {index} is read before it is written");

    private long Long(ReadOnlySpan<byte> bytes) => bytes.Length <= 8
        ? (long)new System.Numerics.BigInteger(bytes, isUnsigned: false, isBigEndian: false)
        : throw Invalid("an integer is wider than 64 bits");

    private int PopMark() => marks.TryPop(out var mark) ? mark : throw Invalid("a MARK is missing");

    private object?[] PopMany(int from)
    {
        if (from < 0 || from > stack.Count)
        {
            throw Invalid("the pickle stack is shorter than an opcode needs");
        }

        var items = stack[from..].ToArray();
        stack.RemoveRange(from, stack.Count - from);
        return items;
    }

    private object? Top() => stack.Count > 0 ? stack[^1] : throw Invalid("the pickle stack is empty");

    private object? Pop()
    {
        var top = Top();
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private T Pop<T>() => Pop() is T value ? value : throw Invalid($"expected a {typeof(T).Name} on the pickle stack");

    private T Peek<T>() => Top() is T value ? value : throw Invalid($"expected a {typeof(T).Name} on the pickle stack");

    private byte Byte() => Bytes(1)[0];

    private ReadOnlySpan<byte> Bytes(int count)
    {
        if (count > data.Length - position)
        {
            throw Invalid("the pickle ends early");
        }

        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }

    private string Line()
    {
        var end = Array.IndexOf(data, (byte)'\n', position);
        if (end < 0)
        {
            throw Invalid("the pickle ends early");
        }

        var line = Encoding.UTF8.GetString(data, position, end - position);
        position = end + 1;
        return line;
    }

    private InvalidDataException Invalid(string problem) => new($"{source}: {problem}.");
}
