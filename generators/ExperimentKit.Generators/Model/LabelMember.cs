namespace ExperimentKit.Generators.Model;

/// <summary>One label enum member: the C# name, the label name as written, and its label id.</summary>
internal sealed record LabelMember(string Identifier, string Name, int Id);
