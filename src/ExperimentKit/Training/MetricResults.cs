using System.Text.Json.Nodes;

namespace ExperimentKit.Training;

/// <summary>
/// An `evaluate` result (numbers, and for seqeval an object per entity type) as the flat values the Trainer logs:
/// nested keys joined with '_' as run_ner.py flattens them (`PER` → `PER_f1`).
/// </summary>
public static class MetricResults
{
    public static IReadOnlyList<MetricValue> Flatten(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = new List<MetricValue>();
        foreach (var (key, value) in result)
        {
            if (value is JsonObject nested)
            {
                values.AddRange(Flatten(nested).Select(inner => new MetricValue(key + "_" + inner.Name, inner.Value)));
            }
            else if (value is not null)
            {
                values.Add(new MetricValue(key, Number(value.AsValue())));
            }
        }

        return values;
    }

    /// <summary>Counts (seqeval's number) are stored as integers; a JsonValue converts only to the type it holds.</summary>
    private static double Number(JsonValue value) =>
        value.TryGetValue(out double number) ? number : value.TryGetValue(out int count) ? count : value.GetValue<long>();
}
