using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`training:` — TrainingArguments keys.</summary>
internal static class TrainingSection
{
    private static readonly ScalarType<LrSchedulerKind> Scheduler = ScalarTypes.Enum<LrSchedulerKind>();
    private static readonly ScalarType<IntervalStrategy> Interval = ScalarTypes.Enum<IntervalStrategy>();

    public static TrainingSpec Read(MappingReader r)
    {
        var d = new TrainingSpec();
        var spec = new TrainingSpec
        {
            OutputDir = r.Read("output_dir", d.OutputDir, ScalarTypes.Text),
            NumTrainEpochs = r.Read("num_train_epochs", d.NumTrainEpochs, ScalarTypes.Number),
            MaxSteps = r.Read("max_steps", d.MaxSteps, ScalarTypes.Integer),
            PerDeviceTrainBatchSize = r.Read("per_device_train_batch_size", d.PerDeviceTrainBatchSize, ScalarTypes.Integer),
            PerDeviceEvalBatchSize = r.Read("per_device_eval_batch_size", d.PerDeviceEvalBatchSize, ScalarTypes.Integer),
            EvalAccumulationSteps = r.ReadOptional("eval_accumulation_steps", d.EvalAccumulationSteps, ScalarTypes.Integer),
            GradientAccumulationSteps = r.Read("gradient_accumulation_steps", d.GradientAccumulationSteps, ScalarTypes.Integer),
            LearningRate = r.Read("learning_rate", d.LearningRate, ScalarTypes.Number),
            WeightDecay = r.Read("weight_decay", d.WeightDecay, ScalarTypes.Number),
            AdamBeta1 = r.Read("adam_beta1", d.AdamBeta1, ScalarTypes.Number),
            AdamBeta2 = r.Read("adam_beta2", d.AdamBeta2, ScalarTypes.Number),
            AdamEpsilon = r.Read("adam_epsilon", d.AdamEpsilon, ScalarTypes.Number),
            MaxGradNorm = r.Read("max_grad_norm", d.MaxGradNorm, ScalarTypes.Number),
            LrSchedulerType = r.Read("lr_scheduler_type", d.LrSchedulerType, Scheduler),
            WarmupRatio = r.Read("warmup_ratio", d.WarmupRatio, ScalarTypes.Number),
            WarmupSteps = r.Read("warmup_steps", d.WarmupSteps, ScalarTypes.Integer),
            Seed = r.Read("seed", d.Seed, ScalarTypes.Integer),
            DataSeed = r.ReadOptional("data_seed", d.DataSeed, ScalarTypes.Integer),
            LoggingStrategy = r.Read("logging_strategy", d.LoggingStrategy, Interval),
            LoggingSteps = r.Read("logging_steps", d.LoggingSteps, ScalarTypes.Integer),
            EvalStrategy = r.Read("eval_strategy", d.EvalStrategy, Interval),
            EvalSteps = r.ReadOptional("eval_steps", d.EvalSteps, ScalarTypes.Integer),
            EvalOnStart = r.Read("eval_on_start", d.EvalOnStart, ScalarTypes.Boolean),
            SaveStrategy = r.Read("save_strategy", d.SaveStrategy, Interval),
            SaveSteps = r.Read("save_steps", d.SaveSteps, ScalarTypes.Integer),
            SaveTotalLimit = r.ReadOptional("save_total_limit", d.SaveTotalLimit, ScalarTypes.Integer),
            LoadBestModelAtEnd = r.Read("load_best_model_at_end", d.LoadBestModelAtEnd, ScalarTypes.Boolean),
            MetricForBestModel = r.ReadOptionalText("metric_for_best_model", d.MetricForBestModel),
            GreaterIsBetter = r.ReadOptional("greater_is_better", d.GreaterIsBetter, ScalarTypes.Boolean),
            EarlyStoppingPatience = r.ReadOptional("early_stopping_patience", d.EarlyStoppingPatience, ScalarTypes.Integer),
            EarlyStoppingThreshold = r.Read("early_stopping_threshold", d.EarlyStoppingThreshold, ScalarTypes.Number),
            LabelSmoothingFactor = r.Read("label_smoothing_factor", d.LabelSmoothingFactor, ScalarTypes.Number),
            DataloaderDropLast = r.Read("dataloader_drop_last", d.DataloaderDropLast, ScalarTypes.Boolean),
            GroupByLength = r.Read("group_by_length", d.GroupByLength, ScalarTypes.Boolean),
            UseCpu = r.Read("use_cpu", d.UseCpu, ScalarTypes.Boolean),
            Bf16 = r.Read("bf16", d.Bf16, ScalarTypes.Boolean),
            Fp16 = r.Read("fp16", d.Fp16, ScalarTypes.Boolean),
        };
        r.ReportUnknownKeys();
        return spec;
    }
}
