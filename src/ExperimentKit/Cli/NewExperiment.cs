using ExperimentKit.IO;
using ExperimentKit.Schema;
using ExperimentKit.Schema.JsonSchema;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>
/// Writes a <see cref="NewRequest"/>'s experiment file and says how to run it. The file is renamed into place whole, and
/// never over an existing file unless asked (<see cref="NewRequest.Force"/>); a name that another experiment in the
/// folder already makes into its C# types is refused before anything is written, since the build would fail on it.
/// </summary>
internal static class NewExperiment
{
    /// <summary>The overrides that make any template a quick check: 16 rows each way, one epoch.</summary>
    public const string QuickCheck = "--set dataset.max_train_samples=16 --set dataset.max_eval_samples=16 --set training.num_train_epochs=1";

    public static int Write(NewRequest request, IAnsiConsole console)
    {
        var file = Path.Combine(request.OutputFolder, request.Name + ".yaml");
        var shown = Shown(file);
        if (File.Exists(file) && !request.Force)
        {
            return AlreadyExists(console, shown);
        }

        if (SameTypeName(request.OutputFolder, request.Name, file) is { } other)
        {
            ErrorLine.Write(console, $"'{request.Name}' would make the same C# types ({TypeNames.PascalCase(request.Name)}Config, …) as experiment '{other.Name}' in {Shown(other.File)}; choose another name");
            return ExitCodes.BadInput;
        }

        try
        {
            Directory.CreateDirectory(request.OutputFolder);
            var text = WithSchemaPath(ExperimentTemplates.Render(request.Task, request.Name), request.OutputFolder);
            AtomicFile.WriteAllText(file, text, overwrite: request.Force);
        }
        catch (IOException) when (File.Exists(file) && !request.Force)
        {
            // Another process wrote the file after the check above; the rename left it as it was.
            return AlreadyExists(console, shown);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ErrorLine.Write(console, $"cannot write {shown}: {exception.Message.TrimEnd('.')}; choose a writable folder with --output");
            return ExitCodes.BadInput;
        }

        var writer = console.Profile.Out.Writer;
        writer.WriteLine($"Wrote {shown} ({request.Task}). Run it:");
        writer.WriteLine($"  dotnet run -- {shown}");
        writer.WriteLine("or first on 16 rows and one epoch, to check the setup:");
        writer.WriteLine($"  dotnet run -- {shown} {QuickCheck}");
        if (!SameFolder(request.OutputFolder, NewCommand.DefaultFolder))
        {
            writer.WriteLine($"dotnet run compiles the experiments in {NewCommand.DefaultFolder}/ of the project it builds: move the file there before running it.");
        }

        writer.Flush();
        return ExitCodes.Success;
    }

    private static int AlreadyExists(IAnsiConsole console, string shown)
    {
        ErrorLine.Write(console, $"{shown} already exists; choose another name, or add --force to overwrite it");
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// Another experiment file in the folder whose name gives the same C# type names (the generator's PascalCase:
    /// my-ner and my_ner both make MyNerConfig), or null. A file that does not parse counts by its file name.
    /// </summary>
    private static (string File, string Name)? SameTypeName(string folder, string name, string file)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var typeName = TypeNames.PascalCase(name);
        foreach (var other in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(other) == Path.GetFullPath(file))
            {
                continue;
            }

            var otherName = ExperimentSpecParser.Parse(other, File.ReadAllText(other)).Spec?.Name ?? Path.GetFileNameWithoutExtension(other);
            if (TypeNames.PascalCase(otherName) == typeName)
            {
                return (other, otherName);
            }
        }

        return null;
    }

    /// <summary>
    /// The template's first line names ../schema/experiment.schema.json, which is right for experiments/ at the repository
    /// root. Written elsewhere, the line names the nearest schema/experiment.schema.json above the folder instead, so an
    /// editor still finds it; with none above, the line stays as the template has it.
    /// </summary>
    private static string WithSchemaPath(string text, string folder)
    {
        if (!text.StartsWith(ExperimentTemplates.SchemaLine, StringComparison.Ordinal))
        {
            return text;
        }

        var full = Path.GetFullPath(folder);
        for (var directory = full; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var schema = Path.Combine(directory, ExperimentJsonSchema.RelativePath);
            if (File.Exists(schema))
            {
                var line = "# yaml-language-server: $schema=" + Path.GetRelativePath(full, schema).Replace('\\', '/');
                return line + text[ExperimentTemplates.SchemaLine.Length..];
            }
        }

        return text;
    }

    /// <summary>A path as the user would type it: relative to the current folder when inside it, else absolute.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
