namespace ExperimentKit.Schema.Tests;

/// <summary>Test fixtures: the MRPC experiment, and a minimal valid file to break one line at a time.</summary>
internal static class Yaml
{
    public const string Mrpc = """
        # MRPC paraphrase detection with a small BERT trained from scratch.
        name: mrpc
        model:
          hidden_size: 128
          num_hidden_layers: 2
          num_attention_heads: 2
          intermediate_size: 512
          max_position_embeddings: 128
        task: sequence_classification
        dataset:
          name: glue/mrpc
        tokenizer:
          vocab_file: models/bert-base-uncased/vocab.txt
          do_lower_case: true
          max_length: 128
        collator:
          padding: longest
        metrics: [accuracy, f1]
        training:
          output_dir: runs/mrpc
          num_train_epochs: 3
          per_device_train_batch_size: 32
          per_device_eval_batch_size: 64
          learning_rate: 1.0e-4
          warmup_ratio: 0.1
          seed: 42
          logging_steps: 20
          eval_strategy: epoch

        """;

    /// <summary>Every required section, nothing else: all values are defaults.</summary>
    public const string Minimal = """
        model: {}
        task: sequence_classification
        dataset:
          name: glue/mrpc
        training: {}

        """;
}
