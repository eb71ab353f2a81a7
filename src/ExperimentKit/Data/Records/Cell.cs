namespace ExperimentKit.Data.Records;

/// <summary>
/// The text of a CSV or TSV cell. Those formats have no types, so a cell is parsed as the accessor asks (an integer,
/// a number, a list); typed formats keep strings as <see cref="string"/>, which never parse as numbers.
/// </summary>
internal sealed record Cell(string Text);
