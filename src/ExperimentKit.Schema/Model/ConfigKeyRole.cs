namespace ExperimentKit.Schema.Model;

/// <summary>What a config key is to a pretrained checkpoint, which decides how a `model:` value meets its config.json.</summary>
public enum ConfigKeyRole
{
    /// <summary>Fixes the weights' shapes or what they mean: a value written in `model:` may repeat the checkpoint's, never contradict it.</summary>
    Architecture,

    /// <summary>May be set anew over a checkpoint (dropouts, the initializer range), as from_pretrained's keyword arguments are.</summary>
    TrainingTime,
}
