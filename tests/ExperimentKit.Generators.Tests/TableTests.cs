using ExperimentKit.Schema;

namespace ExperimentKit.Generators.Tests;

public class TableTests
{
    [Fact]
    public void Every_schema_rule_has_a_descriptor_with_its_title()
    {
        Assert.Equal(
            SchemaRules.All.Select(r => (r.Id, r.Title)).OrderBy(r => r.Id),
            Descriptors.All.Select(d => (d.Id, d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture))).OrderBy(r => r.Id));
    }

    [Theory]
    [InlineData("mrpc", "Mrpc")]
    [InlineData("mrpc-tiny", "MrpcTiny")]
    [InlineData("not_equivalent", "NotEquivalent")]
    [InlineData("glue/sst-2", "GlueSst2")]
    public void Pascal_case(string name, string expected) => Assert.Equal(expected, Naming.PascalCase(name));

    [Theory]
    [InlineData("0", "Label0")]
    [InlineData("1-star", "Label1Star")]
    [InlineData("!!", "Label")]
    [InlineData("entailment", "Entailment")]
    public void Label_members_are_valid_identifiers(string label, string expected) => Assert.Equal(expected, Naming.LabelMember(label));
}
