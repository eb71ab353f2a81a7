using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>The `training:` section's keys: Hugging Face TrainingArguments names; <see cref="TrainingSpec"/> holds them with HF's defaults.</summary>
public static class TrainingKeys
{
    public static SectionKey[] All { get; } =
    [
        Text("output_dir", "Folder the run folders are created in, one per run (output_dir/<start time>)."),
        Text("logging_dir", "Folder for the TensorBoard events file; not set: the run folder.") with { Optional = true },
        Number("num_train_epochs", "Passes over the training split (a fraction ends mid-epoch); ignored when max_steps is set."),
        Integer("max_steps", "Optimizer steps to train for; -1: num_train_epochs decides.")
            with { Range = ValueRange.Positive with { Sentinel = -1, Requirement = "positive, or -1 to train for num_train_epochs" } },
        Integer("per_device_train_batch_size", "Examples per training batch.") with { Range = ValueRange.Positive },
        Integer("per_device_eval_batch_size", "Examples per evaluation batch.") with { Range = ValueRange.Positive },
        Integer("eval_accumulation_steps", "Evaluation batches kept on the device before their predictions move to the host; not set: 1.")
            with { Optional = true, Range = ValueRange.Positive },
        Integer("gradient_accumulation_steps", "Batches whose gradients add up to one optimizer step.") with { Range = ValueRange.Positive },
        Number("learning_rate", "AdamW's peak learning rate.") with { Range = ValueRange.GreaterThanZero },
        Number("weight_decay", "AdamW's decoupled weight decay, on every weight but biases and LayerNorm weights.") with { Range = ValueRange.AtLeastZero },
        Number("adam_beta1", "AdamW's beta1.") with { Range = ValueRange.Probability },
        Number("adam_beta2", "AdamW's beta2.") with { Range = ValueRange.Probability },
        Number("adam_epsilon", "AdamW's epsilon.") with { Range = ValueRange.GreaterThanZero },
        Number("max_grad_norm", "Gradient clipping by global norm; 0: no clipping.")
            with { Range = ValueRange.AtLeastZero with { Requirement = "0 (no clipping) or more" } },
        Choice<LrSchedulerKind>("lr_scheduler_type", "The learning-rate schedule after warmup."),
        Number("warmup_ratio", "Share of the training steps that warm the learning rate up from 0.") with { Range = ValueRange.UnitInterval },
        Integer("warmup_steps", "Steps that warm the learning rate up from 0 (instead of warmup_ratio).") with { Range = ValueRange.AtLeastZero },
        Integer("seed", "Seed of the weights' initialisation, dropout and (unless data_seed) the training order."),
        Integer("data_seed", "Seed of the training order; not set: seed.") with { Optional = true },
        Choice<IntervalStrategy>("logging_strategy", "When the training loss is logged."),
        Integer("logging_steps", "Steps between training logs with logging_strategy steps.") with { Range = ValueRange.Positive },
        Choice<IntervalStrategy>("eval_strategy", "When the model is evaluated on the validation split."),
        Integer("eval_steps", "Steps between evaluations with eval_strategy steps; not set: logging_steps.") with { Optional = true, Range = ValueRange.Positive },
        Boolean("eval_on_start", "Evaluate once before the first step, as a baseline."),
        Choice<IntervalStrategy>("save_strategy", "When a checkpoint is saved."),
        Integer("save_steps", "Steps between checkpoints with save_strategy steps.") with { Range = ValueRange.Positive },
        Integer("save_total_limit", "Checkpoints to keep (the oldest go first, never the best); not set: all.") with { Optional = true, Range = ValueRange.Positive },
        Boolean("load_best_model_at_end", "End with the checkpoint that scored best on metric_for_best_model."),
        Text("metric_for_best_model", "loss or a metric of the experiment (with or without eval_) that picks the best checkpoint.") with { Optional = true },
        Boolean("greater_is_better", "Whether a higher metric_for_best_model is better; not set: false for a loss, else true.") with { Optional = true },
        Integer("early_stopping_patience", "Stop after this many evaluations without improvement; not set: never.") with { Optional = true, Range = ValueRange.Positive },
        Number("early_stopping_threshold", "How much an evaluation must beat the best to count as an improvement.") with { Range = ValueRange.AtLeastZero },
        Number("label_smoothing_factor", "Label smoothing of the cross-entropy loss.") with { Range = ValueRange.Probability },
        Boolean("dataloader_drop_last", "Drop the last, incomplete training batch of each epoch."),
        Boolean("group_by_length", "Batch examples of similar length together (a random order each epoch) to cut padding."),
        Boolean("use_cpu", "Train on the CPU even where CUDA is available (default: CUDA when LibTorch reports it)."),
        Boolean("bf16", "Mixed precision with bfloat16 on CUDA (autocast of linear layers and attention); not with use_cpu."),
        Boolean("fp16", "Mixed precision with float16 on CUDA, with a gradient scaler; not with bf16 or use_cpu."),
    ];
}
