using System.Linq;
using System.Reflection;

namespace ExperimentKit.Generators.Emit;

/// <summary>
/// Writes a spec record as an object initializer naming every property, defaults included, so the compiled config
/// reads as the whole truth. Properties are found by reflection so a property added to a spec record is emitted
/// without touching the generator.
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
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).OrderBy(p => p.MetadataToken))
                {
                    writer.Line($"{property.Name} = {CSharpLiterals.Of(property.GetValue(spec))},");
                }
            },
            terminator);
    }
}
