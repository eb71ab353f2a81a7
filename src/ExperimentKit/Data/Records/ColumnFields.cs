namespace ExperimentKit.Data.Records;

/// <summary>A record whose columns are fixed by its file (CSV and TSV header, Parquet schema), with one value per column.</summary>
internal sealed class ColumnFields(RecordColumns columns, object?[] values) : IRecordFields
{
    public IReadOnlyList<string> Names => columns.Names;

    public bool TryGet(string name, out object? value)
    {
        var found = columns.TryIndexOf(name, out var position);
        value = found ? values[position] : null;
        return found;
    }
}
