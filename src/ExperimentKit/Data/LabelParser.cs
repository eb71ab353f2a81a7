using System.Globalization;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// A label cell as the problem_type reads it: a class id ("1") or class name ("entailment"); a finite number
/// (regression); or comma-separated ids or names (multi-label, to a multi-hot row). Anything else stops at its row.
/// </summary>
internal sealed class LabelParser(ProblemType problem, IReadOnlyList<string> names, string path, string column)
{
    public float[] Parse(string value, int line, int fileColumn) => problem switch
    {
        ProblemType.Regression => [Score(value, line, fileColumn)],
        ProblemType.MultiLabelClassification => MultiHot(value, line, fileColumn),
        _ => [ClassId(value, line, fileColumn)],
    };

    private float Score(string value, int line, int fileColumn) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && float.IsFinite(score)
            ? score
            : throw new DataFormatException(path, line, fileColumn, $"label column '{column}' holds '{value}', which is not a number; regression needs a finite number in every row.");

    private float[] MultiHot(string value, int line, int fileColumn)
    {
        var row = new float[names.Count];
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            row[ClassId(part, line, fileColumn)] = 1;
        }

        return row;
    }

    private int ClassId(string value, int line, int fileColumn)
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

        throw new DataFormatException(path, line, fileColumn,
            $"label '{value}' in column '{column}' is neither a label id 0..{names.Count - 1} nor one of {string.Join(", ", names)}.");
    }
}
