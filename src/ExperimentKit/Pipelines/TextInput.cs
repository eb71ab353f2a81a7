namespace ExperimentKit.Pipelines;

/// <summary>A text, or a text pair (transformers' <c>{"text": …, "text_pair": …}</c>).</summary>
public sealed record TextInput(string Text, string? TextPair = null)
{
    public static implicit operator TextInput(string text) => new(text);
}
