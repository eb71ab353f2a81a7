using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`collator:` — DataCollatorWithPadding's arguments.</summary>
internal static class CollatorSection
{
    private static readonly ScalarType<PaddingStrategy> Padding = ScalarTypes.Enum<PaddingStrategy>();

    /// <param name="model">Sets the default of return_token_type_ids: true only for a model that takes them.</param>
    public static CollatorSpec Read(MappingReader r, ModelSpec model)
    {
        var d = new CollatorSpec { ReturnTokenTypeIds = model.TakesTokenTypeIds() };
        var spec = new CollatorSpec
        {
            Padding = r.Read("padding", d.Padding, Padding),
            PadToMultipleOf = r.ReadOptional("pad_to_multiple_of", d.PadToMultipleOf, ScalarTypes.Integer),
            ReturnTokenTypeIds = r.Read("return_token_type_ids", d.ReturnTokenTypeIds, ScalarTypes.Boolean),
        };
        r.ReportUnknownKeys();
        return spec;
    }
}
