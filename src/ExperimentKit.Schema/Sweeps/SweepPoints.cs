using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Sweeps;

/// <summary>
/// The trials a sweep declares, in a fixed order: configurations (a grid's in itertools.product order, the last
/// setting changing fastest; a random sweep's in draw order), each followed by its seeds. The order is part of the
/// contract: shards take trials by position, and the same file must give every shard the same list.
/// </summary>
public static class SweepPoints
{
    public static IReadOnlyList<SweepPoint> Of(SweepSpec sweep)
    {
        var configurations = sweep.Method == SweepMethod.Grid ? Grid(sweep.Parameters) : Random(sweep);
        var seeds = sweep.Seeds.Count == 0
            ? new SweptSetting?[] { null }
            : sweep.Seeds.Select(s => (SweptSetting?)new SweptSetting(SweepPoint.SeedPath, s.Location, s.Text, s.Location)).ToArray();
        return configurations.SelectMany(configuration => seeds.Select(seed => new SweepPoint(configuration, seed))).ToArray();
    }

    /// <summary>How many trials the sweep declares, without listing them (to refuse an accidental million before listing).</summary>
    public static long Count(SweepSpec sweep)
    {
        var configurations = sweep.Method == SweepMethod.Grid
            ? sweep.Parameters.Aggregate(1L, (product, p) => product * Math.Max(1, p.Values.Count))
            : sweep.NumTrials;
        return configurations * Math.Max(1, sweep.Seeds.Count);
    }

    private static IEnumerable<EquatableArray<SweptSetting>> Grid(EquatableArray<SweepParameter> parameters)
    {
        IEnumerable<IEnumerable<SweptSetting>> product = [[]];
        foreach (var parameter in parameters)
        {
            var values = parameter.Values.Select(v => new SweptSetting(parameter.Path, parameter.Location, v.Text, v.Location)).ToArray();
            product = product.SelectMany(prefix => values.Select(value => prefix.Append(value)));
        }

        return product.Select(settings => new EquatableArray<SweptSetting>(settings));
    }

    private static IEnumerable<EquatableArray<SweptSetting>> Random(SweepSpec sweep)
    {
        var random = new SweepRandom(sweep.SamplerSeed);
        for (var trial = 0; trial < sweep.NumTrials; trial++)
        {
            yield return new EquatableArray<SweptSetting>(sweep.Parameters.Select(p => Draw(p, random) is var drawn ? new SweptSetting(p.Path, p.Location, drawn.Text, drawn.Location) : default).ToArray());
        }
    }

    /// <summary>A value drawn for one setting: a choice's stands at its element, a number at the setting's name.</summary>
    private static SweptValue Draw(SweepParameter parameter, SweepRandom random)
    {
        var u = random.NextUnit();
        switch (parameter.Distribution)
        {
            case SweepDistribution.Choice:
                return parameter.Values[Math.Min(parameter.Values.Count - 1, (int)(u * parameter.Values.Count))];
            case SweepDistribution.Int:
                var span = (long)parameter.High - (long)parameter.Low + 1;
                return new(((long)parameter.Low + Math.Min(span - 1, (long)(u * span))).ToString(CultureInfo.InvariantCulture), parameter.Location);
            case SweepDistribution.LogUniform:
                return new(Number(Math.Exp(Math.Log(parameter.Low) + (u * (Math.Log(parameter.High) - Math.Log(parameter.Low))))), parameter.Location);
            default:
                return new(Number(parameter.Low + (u * (parameter.High - parameter.Low))), parameter.Location);
        }
    }

    /// <summary>The shortest text that reads back as the same double, in YAML's float syntax.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
