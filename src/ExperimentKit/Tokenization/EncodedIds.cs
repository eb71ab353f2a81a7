namespace ExperimentKit.Tokenization;

/// <summary>The two fields a model's input needs, from <see cref="BertTokenizer.EncodeIds(string, string?, EncodeOptions?)"/>.</summary>
/// <param name="InputIds">Token ids, special tokens included.</param>
/// <param name="TokenTypeIds">0 for [CLS] A [SEP], 1 for B [SEP].</param>
public sealed record EncodedIds(int[] InputIds, int[] TokenTypeIds);
