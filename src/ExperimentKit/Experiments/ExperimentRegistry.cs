using System.Collections.Concurrent;

namespace ExperimentKit.Experiments;

/// <summary>
/// The experiments compiled into the running program. Generated module initializers add to it before
/// Main runs; the command line finds an experiment by its YAML path or its name.
/// </summary>
public static class ExperimentRegistry
{
    private static readonly ConcurrentDictionary<string, ExperimentRegistration> BySourceFile = new(StringComparer.Ordinal);

    public static IReadOnlyCollection<ExperimentRegistration> All => BySourceFile.Values.OrderBy(r => r.SourceFile, StringComparer.Ordinal).ToArray();

    public static void Register(ExperimentRegistration registration) => BySourceFile[registration.SourceFile] = registration;

    /// <summary>Finds `experiments/mrpc.yaml` from any spelling of that path (relative, absolute, backslashes) or from `mrpc`.</summary>
    public static ExperimentRegistration? Find(string pathOrName)
    {
        var normalized = pathOrName.Replace('\\', '/');
        return BySourceFile.Values.FirstOrDefault(r =>
            normalized == r.SourceFile
            || normalized.EndsWith("/" + r.SourceFile, StringComparison.Ordinal)
            || normalized == r.Name);
    }
}
