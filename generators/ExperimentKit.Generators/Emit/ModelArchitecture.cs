using System;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Generators.Emit;

/// <summary>The runtime types one model_type compiles to.</summary>
/// <param name="DisplayName">How the generated doc comment names the encoder.</param>
internal sealed record ModelArchitecture(string DisplayName, string ConfigType)
{
    private static readonly ModelArchitecture Bert = new("BERT", "BertConfig");
    private static readonly ModelArchitecture DistilBert = new("DistilBERT", "DistilBertConfig");

    public static ModelArchitecture Of(ModelSpec spec) => spec switch
    {
        BertSpec => Bert,
        DistilBertSpec => DistilBert,
        _ => throw new NotSupportedException($"model_type '{spec.ModelType}' has no runtime types; teach {nameof(ModelArchitecture)} its classes"),
    };
}
