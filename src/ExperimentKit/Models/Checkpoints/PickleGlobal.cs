namespace ExperimentKit.Models;

/// <summary>A pickled reference to a Python class or function (<c>module.name</c>), kept as a name: nothing is ever imported or run.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}
