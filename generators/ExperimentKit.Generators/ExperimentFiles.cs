using System;
using System.Linq;

namespace ExperimentKit.Generators;

/// <summary>Which additional files are experiments, and how code names them.</summary>
internal static class ExperimentFiles
{
    private const string Folder = "experiments";

    /// <summary>A .yaml/.yml file with an <c>experiments</c> folder somewhere above it.</summary>
    public static bool IsExperiment(string path)
    {
        var segments = Segments(path);
        return segments.Length > 1
            && Array.LastIndexOf(segments, Folder, segments.Length - 2) >= 0
            && (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>From the last <c>experiments</c> folder on, with forward slashes: <c>/repo/experiments/mrpc.yaml</c> → <c>experiments/mrpc.yaml</c>.</summary>
    public static string SourceFile(string path)
    {
        var segments = Segments(path);
        var start = Array.LastIndexOf(segments, Folder, segments.Length - 2);
        return string.Join("/", segments.Skip(Math.Max(0, start)));
    }

    private static string[] Segments(string path) => path.Split('/', '\\');
}
