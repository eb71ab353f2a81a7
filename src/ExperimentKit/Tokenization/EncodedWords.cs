namespace ExperimentKit.Tokenization;

/// <summary>
/// A sentence encoded from its words (<see cref="BertTokenizer.EncodeWords"/>), with what token classification needs
/// to put each word's label on its tokens. Arrays are compared by reference (record equality).
/// </summary>
/// <param name="InputIds">Token ids, special tokens included.</param>
/// <param name="TokenTypeIds">All 0: one sequence.</param>
/// <param name="WordIds">Index of the input word each token came from; null for [CLS] and [SEP].</param>
public sealed record EncodedWords(int[] InputIds, int[] TokenTypeIds, int?[] WordIds);
