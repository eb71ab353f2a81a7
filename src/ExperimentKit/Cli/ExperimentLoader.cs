using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>An experiment file as a command runs it: the spec with its overrides, the parse it came from and the compiled experiment.</summary>
internal sealed record LoadedExperiment(string File, ExperimentSpec Spec, SchemaResult Parsed, ExperimentRegistration Registration, IExperiment Experiment);

/// <summary>
/// Validates the YAML as the compiler did, with the command line's overrides over it, finds the compiled experiment
/// and hands it to a command. Findings and the errors a user can cause print as one `error:` line each.
/// </summary>
internal static class ExperimentLoader
{
    public static int WithExperiment(string file, IReadOnlyList<SettingOverride> overrides, IAnsiConsole console, Func<LoadedExperiment, int> action)
    {
        if (!File.Exists(file))
        {
            ErrorLine.Write(console, $"experiment file not found: {Path.GetFullPath(file)}; check the path (relative to this folder), or list the compiled experiments with dotnet run -- --list");
            return ExitCodes.BadInput;
        }

        var parsed = ExperimentSpecParser.Parse(file, File.ReadAllText(file), overrides);
        foreach (var diagnostic in parsed.Diagnostics)
        {
            ErrorLine.WriteFinding(console, diagnostic.Format(file, overrides));
        }

        if (parsed.Spec is null)
        {
            return ExitCodes.BadInput;
        }

        var compiledFromThisFile = ExperimentRegistry.Find(file);
        var registration = compiledFromThisFile ?? ExperimentRegistry.Find(parsed.Spec.Name);
        if (registration is null)
        {
            ErrorLine.Write(console, $"{file} is not compiled into this program. Put it in experiments/ and run again (dotnet run rebuilds). Compiled: {string.Join(", ", ExperimentRegistry.All.Select(r => r.SourceFile))}");
            return ExitCodes.BadInput;
        }

        // Another file of the same name (a copy, a run's config.yaml) runs through the compiled types as overrides would.
        var asWritten = overrides.Count == 0 ? parsed.Spec : ExperimentSpecParser.Parse(file, File.ReadAllText(file)).Spec!;
        if (compiledFromThisFile is not null && CompiledSpec.Drift(registration.Compiled, asWritten) is { Count: > 0 } drift)
        {
            ErrorLine.Write(console, $"{file} has changed since this program was built ({string.Join(", ", drift)} differ from what was compiled); rebuild (dotnet build, or dotnet run without --no-build) so the run is the file's");
            return ExitCodes.BadInput;
        }

        if (CompiledSpec.TypeChanges(registration.Compiled, parsed.Spec) is { Count: > 0 } changed)
        {
            var what = compiledFromThisFile is null ? $"{file} differs from the compiled {registration.SourceFile} in" : "--set changes";
            ErrorLine.Write(console, $"{what} {string.Join(", ", changed)}, which the compiled types of {registration.SourceFile} are built from (label enum, batch, model class); edit the YAML in experiments/ and rebuild instead");
            return ExitCodes.BadInput;
        }

        var spec = CompiledSpec.ToRun(registration.Compiled, parsed.Spec, differsOnPurpose: overrides.Count > 0 || compiledFromThisFile is null);
        try
        {
            return action(new LoadedExperiment(file, spec, parsed, registration, registration.Create()));
        }
        catch (ExperimentConfigurationException exception)
        {
            // Already a located finding (file(line,col): error EKxxxx, or the --set it came from), printed as the build's are.
            ErrorLine.WriteFinding(console, exception.Format(overrides));
            return ExitCodes.BadInput;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or DataFormatException or InvalidDataException or NotSupportedException)
        {
            ErrorLine.Write(console, exception.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception exception) when (exception is IOException or TrainingDivergedException)
        {
            ErrorLine.Write(console, exception.Message);
            return ExitCodes.RunFailed;
        }
    }
}
