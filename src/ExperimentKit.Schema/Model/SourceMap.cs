using System.Collections.Generic;
using System.Linq;

namespace ExperimentKit.Schema.Model;

/// <summary>1-based line and column of a value in the YAML file; line 0 marks a `--set` override of the command line.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>The place of the <paramref name="index"/>-th (0-based) `--set` override.</summary>
    public static SourceLocation CommandLine(int index) => new(0, index + 1);

    public bool IsCommandLine => Line == 0;
}

/// <summary>One key path (for example `training.learning_rate`) and where its value stands.</summary>
public readonly record struct SourceMapEntry(string Path, SourceLocation Location);

/// <summary>Where every value of an experiment file stands, by key path. Compares by value.</summary>
public sealed record SourceMap(string FilePath, EquatableArray<SourceMapEntry> Entries)
{
    /// <summary>The place of a key path, or of its nearest written parent (a default has no place of its own).</summary>
    public SourceLocation? Find(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            foreach (var entry in Entries.Where(e => e.Path == candidate))
            {
                return entry.Location;
            }
        }

        return null;
    }

    public IEnumerable<string> Paths => Entries.Select(e => e.Path);

    private static string Parent(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? string.Empty : path.Substring(0, dot);
    }
}
