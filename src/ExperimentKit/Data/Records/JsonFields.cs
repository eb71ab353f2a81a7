using System.Text.Json;

namespace ExperimentKit.Data.Records;

/// <summary>A JSON object as a record: its members are its columns, in file order, and may differ from record to record.</summary>
internal sealed class JsonFields(JsonElement obj) : IRecordFields
{
    private string[]? names;

    public IReadOnlyList<string> Names => names ??= obj.EnumerateObject().Select(p => p.Name).ToArray();

    public bool TryGet(string name, out object? value)
    {
        var found = obj.TryGetProperty(name, out var member);
        value = found ? member : null;
        return found;
    }
}
