namespace ExperimentKit.Schema.Model;

/// <summary>The `training:` section: TrainingArguments names with Hugging Face defaults.</summary>
public sealed record TrainingSpec
{
    public string OutputDir { get; init; } = "runs";

    /// <summary>Where the TensorBoard events file goes; null: the run folder, beside metrics.jsonl.</summary>
    public string? LoggingDir { get; init; }
    public double NumTrainEpochs { get; init; } = 3.0;

    /// <summary>-1: derive from num_train_epochs, as in Hugging Face.</summary>
    public int MaxSteps { get; init; } = -1;
    public int PerDeviceTrainBatchSize { get; init; } = 8;
    public int PerDeviceEvalBatchSize { get; init; } = 8;

    /// <summary>
    /// Evaluation batches whose logits stay on the device before they move to the host together. Null: 1, every batch
    /// (Hugging Face's null keeps every prediction on the GPU until the end, which runs out of memory on large splits).
    /// </summary>
    public int? EvalAccumulationSteps { get; init; }
    public int GradientAccumulationSteps { get; init; } = 1;
    public double LearningRate { get; init; } = 5e-5;
    public double WeightDecay { get; init; }
    public double AdamBeta1 { get; init; } = 0.9;
    public double AdamBeta2 { get; init; } = 0.999;
    public double AdamEpsilon { get; init; } = 1e-8;
    public double MaxGradNorm { get; init; } = 1.0;
    public LrSchedulerKind LrSchedulerType { get; init; } = LrSchedulerKind.Linear;
    public double WarmupRatio { get; init; }
    public int WarmupSteps { get; init; }
    public int Seed { get; init; } = 42;

    /// <summary>The seed of the training order; null: <see cref="Seed"/>, as in Hugging Face.</summary>
    public int? DataSeed { get; init; }
    public IntervalStrategy LoggingStrategy { get; init; } = IntervalStrategy.Steps;
    public int LoggingSteps { get; init; } = 500;
    public IntervalStrategy EvalStrategy { get; init; } = IntervalStrategy.No;
    public int? EvalSteps { get; init; }

    /// <summary>Evaluate once before the first step (a baseline: the pretrained model's score, a masked LM's perplexity before adaptation).</summary>
    public bool EvalOnStart { get; init; }
    public IntervalStrategy SaveStrategy { get; init; } = IntervalStrategy.Steps;
    public int SaveSteps { get; init; } = 500;

    /// <summary>How many checkpoints to keep (oldest deleted first, never the best); null keeps all.</summary>
    public int? SaveTotalLimit { get; init; }
    public bool LoadBestModelAtEnd { get; init; }

    /// <summary>`loss` or a metric of the experiment, with or without `eval_`; null: `loss` when load_best_model_at_end.</summary>
    public string? MetricForBestModel { get; init; }

    /// <summary>Null: derived from the metric's name (false for a loss), as in Hugging Face.</summary>
    public bool? GreaterIsBetter { get; init; }

    /// <summary>EarlyStoppingCallback: stop after this many evaluations without improvement; null: never.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>EarlyStoppingCallback: how much better than the best an evaluation must be to count as an improvement.</summary>
    public double EarlyStoppingThreshold { get; init; }
    public double LabelSmoothingFactor { get; init; }
    public bool DataloaderDropLast { get; init; }

    /// <summary>LengthGroupedSampler: each epoch's random order, with examples of similar length batched together to cut padding.</summary>
    public bool GroupByLength { get; init; }

    /// <summary>Train on the CPU even where CUDA is available; false (the default) picks CUDA when LibTorch reports it.</summary>
    public bool UseCpu { get; init; }

    /// <summary>Mixed precision with bfloat16 matmuls on CUDA (autocast); the weights and optimizer stay float32.</summary>
    public bool Bf16 { get; init; }

    /// <summary>Mixed precision with float16 matmuls on CUDA (autocast) and a dynamic loss scale (GradScaler).</summary>
    public bool Fp16 { get; init; }
}

/// <summary>YAML: no, steps, epoch.</summary>
public enum IntervalStrategy
{
    No,
    Steps,
    Epoch,
}

/// <summary>YAML: linear, cosine, constant, constant_with_warmup, polynomial, cosine_with_restarts.</summary>
public enum LrSchedulerKind
{
    Linear,
    Cosine,
    Constant,
    ConstantWithWarmup,
    Polynomial,
    CosineWithRestarts,
}
