namespace ExperimentKit.Data.Records;

/// <summary>
/// The named values of one record or struct, as its format stores them. Values are null, <see cref="string"/>,
/// <see cref="Cell"/> (CSV/TSV text), <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, a list of values,
/// a nested <see cref="IRecordFields"/>, a <see cref="System.Text.Json.JsonElement"/> or an <see cref="UnsupportedValue"/>;
/// <see cref="FieldValues"/> turns them into what an accessor asks for.
/// </summary>
internal interface IRecordFields
{
    IReadOnlyList<string> Names { get; }

    /// <returns>False when the record has no such column; a column holding null gives true and null.</returns>
    bool TryGet(string name, out object? value);
}
