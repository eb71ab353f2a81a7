using System.Globalization;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// A label cell as the problem_type reads it: a class id ("1") or class name ("entailment"); a finite number
/// (regression); or comma-separated ids or names (multi-label, to a multi-hot row). Anything else stops at its row:
/// <c>at</c> places the problem in the file (a TSV line and column, a record and its column name).
/// </summary>
internal sealed class LabelParser(ProblemType problem, IReadOnlyList<string> names, string column)
{
    public float[] Parse(string value, Func<string, DataFormatException> at) => problem switch
    {
        ProblemType.Regression => [Score(value, at)],
        ProblemType.MultiLabelClassification => MultiHot(value, at),
        _ => [ClassId(value, at)],
    };

    private float Score(string value, Func<string, DataFormatException> at) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && float.IsFinite(score)
            ? score
            : throw at($"label column '{column}' holds '{value}', which is not a number; regression needs a finite number in every row.");

    private float[] MultiHot(string value, Func<string, DataFormatException> at)
    {
        var row = new float[names.Count];
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            row[ClassId(part, at)] = 1;
        }

        return row;
    }

    private int ClassId(string value, Func<string, DataFormatException> at)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0 && id < names.Count)
        {
            return id;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw at(
            $"label '{value}' in column '{column}' is neither a label id 0..{names.Count - 1} nor one of {string.Join(", ", names)}.");
    }
}
