using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`collator:` — DataCollatorWithPadding's arguments, as <see cref="CollatorKeys"/> declares them.</summary>
internal static class CollatorSection
{
    /// <param name="model">Sets the default of return_token_type_ids: true only for a model that takes them.</param>
    public static CollatorSpec Read(MappingReader root, ModelSpec model)
    {
        var r = root.Section(ExperimentKeys.Collator, "collator keys such as padding", CollatorKeys.All.Select(k => k.Name));
        var spec = SectionReading.Read(r, new CollatorSpec { ReturnTokenTypeIds = model.TakesTokenTypeIds() }, CollatorKeys.All);
        r.ReportUnknownKeys();
        return spec;
    }
}
