using System.Collections.Generic;
using System.IO;
using ExperimentKit.Schema.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ExperimentKit.Schema.Yaml;

/// <summary>Reads YamlDotNet's parser events into a <see cref="YamlNode"/> tree. Syntax errors surface as <see cref="YamlException"/>.</summary>
internal sealed class YamlTreeReader
{
    private readonly IParser parser;
    private readonly Dictionary<string, YamlNode> anchors = [];

    private YamlTreeReader(IParser parser) => this.parser = parser;

    /// <summary>The first document's root, or null for a file with no document (empty or only comments).</summary>
    public static YamlNode? Read(string text, out SourceLocation? secondDocument)
    {
        var reader = new YamlTreeReader(new Parser(new StringReader(text)));
        return reader.ReadStream(out secondDocument);
    }

    private YamlNode? ReadStream(out SourceLocation? secondDocument)
    {
        secondDocument = null;
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode();
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var next))
        {
            secondDocument = At(next.Start);
        }

        return root;
    }

    private YamlNode ReadNode()
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
        }

        YamlNode node;
        NodeEvent start;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            node = new YamlScalar(At(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            start = sequenceStart;
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode());
            }

            node = new YamlSequence(At(sequenceStart.Start), items);
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            start = mappingStart;
            var entries = new List<YamlEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode();
                var key = keyNode as YamlScalar
                    ?? throw new YamlException(Back(keyNode.Start), Back(keyNode.Start), "a key must be a plain name, not " + keyNode.Describe());
                entries.Add(new YamlEntry(key, ReadNode()));
            }

            node = new YamlMapping(At(mappingStart.Start), entries);
        }

        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static SourceLocation At(Mark mark) => new(checked((int)mark.Line), checked((int)mark.Column));

    private static Mark Back(SourceLocation location) => new(0, location.Line, location.Column);
}
