using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// An immutable array that compares by value, so specs holding lists stay equatable
/// (the incremental generator relies on that to skip unchanged files).
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    // Never exposed, so never mutated after construction. (netstandard2.0 has no ImmutableArray without a package
    // that the generator would then have to ship.)
    private readonly T[]? items;

    public EquatableArray(IEnumerable<T> items) => this.items = items.ToArray();

    public static EquatableArray<T> Empty => new(Array.Empty<T>());

    private T[] Items => items ?? Array.Empty<T>();

    public int Count => Items.Length;

    public T this[int index] => Items[index];

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items)
        {
            hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
        }

        return hash;
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}
