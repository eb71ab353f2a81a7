using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using YamlDotNet.Core;

namespace ExperimentKit.Schema.Yaml;

/// <summary>
/// `--set section.key=value` on the command line, applied to the file's tree before it is read, so an override goes
/// through exactly the checks a written value does. The value is YAML (`3e-5`, `[accuracy, f1]`, `{a: 1}`); every
/// node it brings stands at <see cref="SourceLocation.CommandLine"/>, so findings about it name the override.
/// </summary>
internal static class YamlOverrides
{
    /// <summary>An override and the places its key and its value are reported at.</summary>
    public sealed record PlacedOverride(SettingOverride Setting, SourceLocation KeyAt, SourceLocation ValueAt);

    /// <summary>
    /// The tree with each override's key path set to its value; mappings on the way are made when missing. A value that
    /// is not YAML is reported at its override and leaves the tree as it was.
    /// </summary>
    public static YamlMapping Apply(YamlMapping root, IReadOnlyList<SettingOverride> overrides, ParseContext context) =>
        Apply(root, overrides.Select((o, i) => new PlacedOverride(o, SourceLocation.CommandLine(i), SourceLocation.CommandLine(i))).ToArray(), context);

    /// <summary>
    /// The same for overrides written elsewhere (a sweep's values): keys the path adds stand at <see cref="PlacedOverride.KeyAt"/>,
    /// the value's nodes at <see cref="PlacedOverride.ValueAt"/>, so findings point where the override is written.
    /// </summary>
    public static YamlMapping Apply(YamlMapping root, IReadOnlyList<PlacedOverride> overrides, ParseContext context)
    {
        foreach (var placed in overrides)
        {
            YamlNode? written;
            try
            {
                written = YamlTreeReader.Read(placed.Setting.Value, out _);
            }
            catch (YamlException e)
            {
                context.Report(SchemaRules.YamlSyntax, placed.ValueAt, "the value is not valid YAML: " + e.Message + "; quote a value that holds ':', '#' or brackets, as --set 'key.path=\"value\"'");
                continue;
            }

            var value = Relocate(written ?? new YamlScalar(placed.ValueAt, string.Empty, IsPlain: true), placed.ValueAt);
            root = Set(root, placed.Setting.Path.Split('.'), 0, value, placed.KeyAt);
        }

        return root;
    }

    private static YamlMapping Set(YamlMapping mapping, string[] path, int depth, YamlNode value, SourceLocation at)
    {
        var key = path[depth];
        YamlNode Replace(YamlNode? existing) =>
            depth == path.Length - 1 ? value : Set(existing as YamlMapping ?? new YamlMapping(at, []), path, depth + 1, value, at);

        if (mapping.Entries.All(entry => entry.Key.Value != key))
        {
            return mapping with { Entries = [.. mapping.Entries, new YamlEntry(new YamlScalar(at, key, IsPlain: true), Replace(null))] };
        }

        return mapping with { Entries = [.. mapping.Entries.Select(entry => entry.Key.Value == key ? entry with { Value = Replace(entry.Value) } : entry)] };
    }

    /// <summary>The value's nodes moved from their place in the override's text to the override itself.</summary>
    private static YamlNode Relocate(YamlNode node, SourceLocation at) => node switch
    {
        YamlScalar scalar => scalar with { Start = at },
        YamlSequence sequence => new YamlSequence(at, [.. sequence.Items.Select(item => Relocate(item, at))]),
        YamlMapping mapping => new YamlMapping(at, [.. mapping.Entries.Select(e => new YamlEntry((YamlScalar)Relocate(e.Key, at), Relocate(e.Value, at)))]),
        _ => node,
    };
}
