using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Generators.Emit;

/// <summary>
/// Writes a spec record as an object initializer naming every property, defaults included, so the compiled config
/// reads as the whole truth. Properties are found by reflection so a property added to a spec record is emitted
/// without touching the generator; one without a setter (model_type, fixed by the record type) is implied by the type.
/// </summary>
internal static class SpecInitializer
{
    public static void Write(CodeWriter writer, object spec, string terminator)
    {
        var type = spec.GetType();
        writer.Line("new " + type.Name);
        writer.Block(
            () =>
            {
                foreach (var property in SpecProperties.Of(type).Where(p => p.SetMethod is not null))
                {
                    writer.Line($"{property.Name} = {CSharpLiterals.Of(property.GetValue(spec))},");
                }
            },
            terminator);
    }
}
