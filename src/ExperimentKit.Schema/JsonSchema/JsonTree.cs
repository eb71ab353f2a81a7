using System.Collections;
using System.Collections.Generic;

namespace ExperimentKit.Schema.JsonSchema;

/// <summary>
/// A JSON object whose properties keep the order they were added in (a schema reads top to bottom like the YAML it
/// describes). Values are strings, booleans, ints, doubles, null, lists of values and further objects; <see cref="JsonText"/> writes it.
/// </summary>
public sealed class JsonTree : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> properties = [];

    public void Add(string name, object? value) => properties.Add(new KeyValuePair<string, object?>(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
