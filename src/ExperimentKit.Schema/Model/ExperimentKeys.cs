using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>The experiment file's top-level keys, in the order a file writes them; each section's own keys are its table's.</summary>
public static class ExperimentKeys
{
    /// <summary>The name becomes a C# type name and a command-line argument.</summary>
    public static SectionKey Name { get; } = Text("name", "The experiment's name (default: the file name): a letter, then letters, digits, '-' or '_'.")
        with { Optional = true, Pattern = "^[A-Za-z][A-Za-z0-9_-]*$" };

    public static SectionKey Model { get; } = Mapping("model", "The encoder: model_type and its config keys, or a pretrained checkpoint to start from.") with { Required = true };

    public static SectionKey Task { get; } = Mapping("task", "The head on the encoder: `task: sequence_classification`, or a mapping with type and the head's options.") with { Required = true };

    public static SectionKey Dataset { get; } = Mapping("dataset", "The data: a known dataset by name, or a folder of files by path with their columns.") with { Required = true };

    public static SectionKey Tokenizer { get; } = Mapping("tokenizer", "Vocabulary and the arguments of the tokenizer call.");

    public static SectionKey Collator { get; } = Mapping("collator", "How examples are padded into batches.");

    public static SectionKey Metrics { get; } = List("metrics", "Metrics computed on each evaluation besides the loss, each a name or a mapping with its arguments.");

    public static SectionKey Training { get; } = Mapping("training", "Hugging Face TrainingArguments; an empty section means their defaults.") with { Required = true };

    public static SectionKey Sweep { get; } = Mapping("sweep", "Trials of this experiment: the settings to vary (grid or random) and the seeds to repeat each with; run by `dotnet run -- sweep`.");

    public static SectionKey[] All { get; } = [Name, Model, Task, Dataset, Tokenizer, Collator, Metrics, Training, Sweep];
}
