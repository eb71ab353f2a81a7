using YamlDotNet.RepresentationModel;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// A YAML fragment deep-merged over an experiment file: a mapping in the fragment merges into the base's mapping of
/// the same key, anything else replaces the base's value. A top-level section named in <c>replacing</c> is taken from
/// the fragment whole (a dataset by path instead of a known dataset's name).
/// </summary>
internal static class YamlMerge
{
    public static string Over(string baseYaml, string fragment, IReadOnlyCollection<string> replacing)
    {
        var merged = Load(baseYaml);
        var top = Load(fragment);
        foreach (var (key, value) in top.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (replacing.Contains(name) || !merged.Children.TryGetValue(key, out var existing))
            {
                merged.Children[key] = value;
            }
            else
            {
                merged.Children[key] = Merge(existing, value);
            }
        }

        var writer = new StringWriter();
        new YamlStream(new YamlDocument(merged)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode Merge(YamlNode existing, YamlNode value)
    {
        if (existing is not YamlMappingNode baseMapping || value is not YamlMappingNode mapping)
        {
            return value;
        }

        foreach (var (key, child) in mapping.Children)
        {
            baseMapping.Children[key] = baseMapping.Children.TryGetValue(key, out var old) ? Merge(old, child) : child;
        }

        return baseMapping;
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents is [{ RootNode: YamlMappingNode mapping }]
            ? mapping
            : throw new InvalidDataException("expected one YAML document holding a mapping");
    }
}
