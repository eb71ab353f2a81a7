using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>What `new` is asked to write: the template of a task, named, into a folder.</summary>
public sealed record NewRequest(string Task, string Name, string OutputFolder, bool Force);

/// <summary>
/// `new &lt;task&gt; &lt;name&gt;`: a commented experiment file for one head, as `dotnet new` writes a project. A task or a
/// name that cannot work is a usage error (exit 2, with the command's --help named), found before anything is written.
/// </summary>
internal static class NewCommand
{
    /// <summary>Where the root project compiles experiments from, relative to the current folder.</summary>
    public const string DefaultFolder = "experiments";

    private static readonly Regex ValidName = new(ExperimentKeys.Name.Pattern!, RegexOptions.CultureInvariant);

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("new", "Write a commented experiment file for a task, runnable as written on the shared data: experiments/<name>.yaml.");
        var task = new Argument<string>("task")
        {
            Description = $"The task, as the file's task: spells it: {string.Join(", ", ExperimentTemplates.Tasks)}.",
            Validators = { KnownTask },

            // Without it, help shows the completions as the argument's name, a line too long to read.
            HelpName = "task",
        };
        task.CompletionSources.Add([.. ExperimentTemplates.Tasks]);
        var name = new Argument<string>("name")
        {
            Description = "The experiment's name, used for name:, the file name and output_dir runs/<name>: a letter, then letters, digits, '-' or '_'.",
            Validators = { ValidExperimentName },
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The folder to write <name>.yaml in; dotnet run compiles the project's {DefaultFolder}/ folder.",
            DefaultValueFactory = _ => DefaultFolder,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file of that name." };
        command.Add(task);
        command.Add(name);
        command.Add(output);
        command.Add(force);
        command.SetAction(result => NewExperiment.Write(
            new NewRequest(result.GetValue(task)!, result.GetValue(name)!, result.GetValue(output)!, result.GetValue(force)),
            console));
        return command;
    }

    private static void KnownTask(ArgumentResult result)
    {
        var task = result.GetValueOrDefault<string>();
        if (ExperimentTemplates.Tasks.Contains(task))
        {
            return;
        }

        // HF pipeline names (token-classification) and other near misses are one edit or two away.
        var valid = string.Join(", ", ExperimentTemplates.Tasks);
        result.AddError(ClosestName.Of(task, ExperimentTemplates.Tasks) is { } closest
            ? $"unknown task '{task}'; did you mean '{closest}'? Valid tasks: {valid}"
            : $"unknown task '{task}'; valid tasks: {valid}");
    }

    private static void ValidExperimentName(ArgumentResult result)
    {
        var name = result.GetValueOrDefault<string>();
        if (!ValidName.IsMatch(name))
        {
            // The name becomes C# type names (MrpcTinyConfig) and the file name, hence the identifier-like rule.
            result.AddError($"'{name}' is not a valid experiment name: use a letter, then letters, digits, '-' or '_' (such as my-ner)");
        }
    }
}
