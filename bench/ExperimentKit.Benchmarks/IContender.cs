namespace ExperimentKit.Benchmarks;

/// <summary>One tokenizer under test. Each call returns the token count with [CLS]/[SEP], so all count alike.</summary>
internal interface IContender
{
    string Name { get; }

    /// <summary>False where the library has no pair encoding.</summary>
    bool SupportsPairs { get; }

    int Encode(string text);

    int EncodePair(string first, string second);

    /// <summary>The ids of [CLS] text [SEP], to check that the contenders agree.</summary>
    int[] Ids(string text);
}
