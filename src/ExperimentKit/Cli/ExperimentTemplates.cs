using ExperimentKit.Schema.Model;

namespace ExperimentKit.Cli;

/// <summary>
/// The experiment files `new` writes: one commented YAML per head, embedded from Cli/Templates/&lt;task&gt;.yaml, with
/// <see cref="NamePlaceholder"/> standing for the experiment's name (in `name:`, `output_dir:` and the comments' commands).
/// </summary>
public static class ExperimentTemplates
{
    public const string NamePlaceholder = "{{name}}";

    /// <summary>The first line of every template, written for experiments/ one level below the repository's schema/.</summary>
    public const string SchemaLine = "# yaml-language-server: $schema=../schema/experiment.schema.json";

    private const string ResourcePrefix = "ExperimentKit.Cli.Templates.";

    /// <summary>
    /// The heads the runtime supports, spelled as `task:` takes them. Taken from the schema so a new head shows up here
    /// (and the template tests fail until it has a template).
    /// </summary>
    public static IReadOnlyList<string> Tasks { get; } = [.. TaskKeys.Type.Spellings];

    /// <summary>The template of <paramref name="task"/> with <paramref name="name"/> filled in.</summary>
    public static string Render(string task, string name)
    {
        if (!Tasks.Contains(task))
        {
            throw new ArgumentException($"no template for task '{task}'; tasks: {string.Join(", ", Tasks)}", nameof(task));
        }

        using var stream = typeof(ExperimentTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + task + ".yaml")
            ?? throw new InvalidOperationException($"the template of task '{task}' is not embedded in {typeof(ExperimentTemplates).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace(NamePlaceholder, name, StringComparison.Ordinal);
    }

    /// <summary>The embedded template files by task, to check that every head has one and no template is left over.</summary>
    internal static IEnumerable<string> EmbeddedTasks() =>
        typeof(ExperimentTemplates).Assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(resource => resource[ResourcePrefix.Length..^".yaml".Length]);
}
