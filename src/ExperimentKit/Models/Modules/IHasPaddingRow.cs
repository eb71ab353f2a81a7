namespace ExperimentKit.Models;

/// <summary>An embeddings module whose word table has a padding row: HF's <c>_init_weights</c> zeroes it after the normal draw.</summary>
internal interface IHasPaddingRow
{
    void ZeroPaddingRow();
}
