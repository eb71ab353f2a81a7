using System.Text.Json;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// bench/results/: each benchmark keeps its rows there as JSON (and a Markdown table beside them). A run's rows replace
/// the rows of the same key and the others stay, so partial runs build up one table, and each replaced row is handed
/// back for the "before" column.
/// </summary>
internal static class ResultsFolder
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static string PathOf(string file)
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }

    /// <summary>Merges <paramref name="measured"/> into <paramref name="jsonFile"/>; returns every row kept and the rows replaced, by key.</summary>
    public static (IReadOnlyList<T> Rows, IReadOnlyDictionary<string, T> Replaced) Merge<T>(string jsonFile, IReadOnlyList<T> measured, Func<T, string> key)
    {
        var path = PathOf(jsonFile);
        var previous = File.Exists(path) ? JsonSerializer.Deserialize<T[]>(File.ReadAllText(path), Json) ?? [] : [];
        var byKey = previous.ToDictionary(key);
        var replaced = measured.Where(r => byKey.ContainsKey(key(r))).ToDictionary(key, r => byKey[key(r)]);
        foreach (var row in measured)
        {
            byKey[key(row)] = row;
        }

        var rows = byKey.Values.ToArray();
        File.WriteAllText(path, JsonSerializer.Serialize(rows, Json) + "\n");
        return (rows, replaced);
    }

    /// <summary>The folder holding ExperimentKit.sln, above this program's.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ExperimentKit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no ExperimentKit.sln above {AppContext.BaseDirectory}");
    }
}
