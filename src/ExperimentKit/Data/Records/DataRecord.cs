using ExperimentKit.Schema;

namespace ExperimentKit.Data.Records;

/// <summary>
/// One record of a data file (a CSV/TSV row, a JSON object, a Parquet row) and where it is, with typed accessors by
/// column name. A value that is missing or of the wrong type throws <see cref="DataFormatException"/> naming the file,
/// the record's position, the column and what would be valid. Nested columns (ARC's `choices: {text, label}`, SQuAD's
/// `answers: {text, answer_start}`) are read through <see cref="Struct"/>: `record.Struct("choices").Strings("text")`;
/// errors inside name the column by its path, `choices.text`.
/// </summary>
public sealed class DataRecord
{
    private readonly IRecordFields fields;

    // "choices." inside the struct column 'choices', so errors name the full path; empty for a record.
    private readonly string path;

    internal DataRecord(string file, RecordPosition position, IRecordFields fields, string path = "")
    {
        File = file;
        Position = position;
        this.fields = fields;
        this.path = path;
    }

    public string File { get; }

    public RecordPosition Position { get; }

    /// <summary>The record's columns: the header's names, a JSON object's members in file order, the Parquet schema's top-level columns.</summary>
    public IReadOnlyList<string> Columns => fields.Names;

    public bool Has(string column) => fields.TryGet(column, out _);

    /// <summary>The column's text; a number or boolean gives its text as written in the file. An empty CSV/TSV cell is "".</summary>
    public string String(string column) => FieldValues.ToText(Value(column), Field(column));

    /// <summary>The column's text, or null when the record has no such column, the value is null, or a CSV/TSV cell is empty.</summary>
    public string? OptionalString(string column) =>
        fields.TryGet(column, out var value) && !FieldValues.IsMissing(value) ? FieldValues.ToText(value, Field(column)) : null;

    /// <summary>A number: a JSON or Parquet number, or a CSV/TSV cell such as 0.5, -3 or 1e-3.</summary>
    public double Number(string column) => FieldValues.ToNumber(Value(column), Field(column));

    /// <summary>An integer: a whole JSON or Parquet integer (3.0 is not one), or a CSV/TSV cell such as 7 or -3.</summary>
    public long Integer(string column) => FieldValues.ToInteger(Value(column), Field(column));

    /// <summary>A JSON or Parquet boolean, or a CSV/TSV cell true or false (in any case).</summary>
    public bool Boolean(string column) => FieldValues.ToBoolean(Value(column), Field(column));

    /// <summary>
    /// A list of strings: a JSON array, a Parquet list, or a CSV/TSV cell holding a JSON array (["a", "b"]) or else
    /// whitespace-separated tokens (an empty cell is an empty list).
    /// </summary>
    public IReadOnlyList<string> Strings(string column) => FieldValues.ToList(Value(column), Field(column), FieldValues.ToText);

    /// <summary>A list of integers, written as for <see cref="Strings"/>: [0, 5] or "0 5" in a cell.</summary>
    public IReadOnlyList<long> Integers(string column) => FieldValues.ToList(Value(column), Field(column), FieldValues.ToInteger);

    /// <summary>
    /// A struct column as a record of its own, at the same position: a JSON object, a Parquet struct, or a CSV/TSV cell
    /// holding a JSON object.
    /// </summary>
    public DataRecord Struct(string column) =>
        new(File, Position, FieldValues.ToStruct(Value(column), Field(column)), path + column + ".");

    /// <summary>"train.jsonl line 3", "validation.json record 12".</summary>
    public override string ToString() => $"{File} {Position}";

    private FieldRef Field(string column) => new(File, Position, path + column);

    private object? Value(string column)
    {
        if (fields.TryGet(column, out var value))
        {
            return value;
        }

        var closest = ClosestName.Of(column, fields.Names);
        var hint = closest is null ? string.Empty : $"; did you mean '{path}{closest}'?";
        var owner = path.Length == 0 ? "the record" : $"'{path.TrimEnd('.')}'";
        var has = fields.Names.Count == 0 ? $"{owner} has no columns" : $"{owner} has: {string.Join(", ", fields.Names)}";
        throw new DataFormatException(File, Position, path + column, $"no such column{hint} ({has}).");
    }
}
