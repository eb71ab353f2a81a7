namespace ExperimentKit.Data;

/// <summary>A data file was found under none of the data roots; the message lists every path tried.</summary>
public sealed class DataFileNotFoundException(string message) : FileNotFoundException(message);
