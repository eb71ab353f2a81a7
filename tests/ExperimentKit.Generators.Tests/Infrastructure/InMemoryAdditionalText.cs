using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExperimentKit.Generators.Tests.Infrastructure;

/// <summary>An AdditionalFiles item with a path of our choosing (the generator only looks at files under experiments/).</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
