using ExperimentKit.Models.Pretrained;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' feature-extraction over any BERT-family folder (a head's weights are ignored): each token's last
/// hidden state, or (<see cref="Embed"/>) one vector per text with the pooling the checkpoint was trained for —
/// sentence-transformers' modules.json, 1_Pooling/config.json and sentence_bert_config.json when the folder has them
/// (all-MiniLM-L6-v2: mean pooling, L2 normalisation, 256 tokens), else sentence-transformers' own default for a plain
/// model: mean pooling over real tokens, not normalised.
/// </summary>
public sealed class FeatureExtractionPipeline : Pipeline
{
    public FeatureExtractionPipeline(string model, PipelineOptions? options = null)
        : base(PipelineTask.FeatureExtraction, model, options)
    {
        Pooling = SentenceTransformerFiles.Read(ModelPath) ?? SentencePooling.Default;
    }

    /// <summary>The pooling <see cref="Embed"/> applies.</summary>
    public SentencePooling Pooling { get; }

    /// <summary>Per text, every token's vector ([CLS] and [SEP] included): [tokens][hidden], as transformers returns them.</summary>
    public IReadOnlyList<float[][]> TokenVectors(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var outputs = Model.Run([.. Encode(texts).Select(ModelRow.Of)], Options.BatchSize);
        return [.. outputs.Select(output => Enumerable.Range(0, output.Length).Select(t => output.Row(t).ToArray()).ToArray())];
    }

    /// <summary>One vector per text (sentence-transformers' <c>encode</c>), in input order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var options = new EncodeOptions(MaxLength: Pooling.MaxSeqLength ?? Tokenizer.ModelMaxLength);
        var rows = new ModelRow[texts.Count];
        Parallel.For(0, texts.Count, i =>
        {
            var ids = Tokenizer.EncodeIds(texts[i], options: options);
            rows[i] = new ModelRow(ids.InputIds, ids.TokenTypeIds);
        });
        return [.. Model.Run(rows, Options.BatchSize, (hidden, inputs) => SentencePoolingLayer.Apply(Pooling, hidden, inputs.AttentionMask)).Select(o => o.Values)];
    }
}
