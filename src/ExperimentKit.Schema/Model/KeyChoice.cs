namespace ExperimentKit.Schema.Model;

/// <summary>One spelling a choice key takes in YAML, and the value it reads as (an enum member, or the string itself).</summary>
public sealed record KeyChoice(string Spelling, object Value);
