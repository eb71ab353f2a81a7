using FsCheck;
using FsCheck.Fluent;

namespace ExperimentKit.Tests.Metrics;

/// <summary>Class labels 0..classes-1 for predictions and references, and a permutation of their positions.</summary>
public sealed record LabelPairs(int[] Predictions, int[] References, int[] Permutation)
{
    /// <summary>The same pairs in the order of <see cref="Permutation"/>.</summary>
    public LabelPairs Permuted() => this with { Predictions = MetricArbitraries.Permute(Predictions, Permutation), References = MetricArbitraries.Permute(References, Permutation) };
}

/// <summary>
/// Regression values on a 1/8 grid with ties likely, a permutation, and a positive affine map (scale, shift) on a
/// 1/4 and 1/2 grid so mapped values are exact and keep their order and ties.
/// </summary>
public sealed record ValuePairs(double[] Predictions, double[] References, int[] Permutation, double Scale, double Shift)
{
    /// <summary>The same pairs in the order of <see cref="Permutation"/>.</summary>
    public ValuePairs Permuted() => this with { Predictions = MetricArbitraries.Permute(Predictions, Permutation), References = MetricArbitraries.Permute(References, Permutation) };
}

/// <summary>Tagged sentences of equal lengths on both sides, and a permutation of the sentences.</summary>
public sealed record TagPairs(string[][] Predictions, string[][] References, int[] Permutation)
{
    /// <summary>The same sentence pairs in the order of <see cref="Permutation"/>.</summary>
    public TagPairs Permuted() => this with { Predictions = MetricArbitraries.Permute(Predictions, Permutation), References = MetricArbitraries.Permute(References, Permutation) };
}

/// <summary>FsCheck generators for the metric property tests, small enough that 100 cases take milliseconds.</summary>
public static class MetricArbitraries
{
    // IOBES tags of two types, valid in seqeval's strict IOBES mode and readable by the default mode; O twice as likely.
    private static readonly string[] Tags = ["O", "O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC"];

    public static Arbitrary<LabelPairs> Labels() =>
        (from classes in Gen.Choose(2, 5)
         from count in Gen.Choose(0, 40)
         from predictions in Gen.Choose(0, classes - 1).ArrayOf(count)
         from references in Gen.Choose(0, classes - 1).ArrayOf(count)
         from permutation in Gen.Shuffle(Enumerable.Range(0, count))
         select new LabelPairs(predictions, references, permutation)).ToArbitrary();

    public static Arbitrary<ValuePairs> Values() =>
        (from count in Gen.Choose(0, 30)
         from predictions in Grid(count)
         from references in Grid(count)
         from permutation in Gen.Shuffle(Enumerable.Range(0, count))
         from scale in Gen.Choose(1, 12)
         from shift in Gen.Choose(-100, 100)
         select new ValuePairs(predictions, references, permutation, scale / 4.0, shift / 2.0)).ToArbitrary();

    public static Arbitrary<TagPairs> Sentences() =>
        (from sentences in Gen.Choose(0, 6)
         from lengths in Gen.Choose(0, 8).ArrayOf(sentences)
         from predictions in Gen.CollectToArray(lengths, Sentence)
         from references in Gen.CollectToArray(lengths, Sentence)
         from permutation in Gen.Shuffle(Enumerable.Range(0, lengths.Length))
         select new TagPairs(predictions, references, permutation)).ToArbitrary();

    internal static T[] Permute<T>(IReadOnlyList<T> items, IReadOnlyList<int> permutation) => [.. permutation.Select(i => items[i])];

    // A small range so constant and tied values are common; multiples of 1/8 keep the affine maps exact.
    private static Gen<double[]> Grid(int count) => Gen.Choose(-40, 40).Select(step => step / 8.0).ArrayOf(count);

    private static Gen<string[]> Sentence(int length) => Gen.Elements(Tags).ArrayOf(length);
}
